package org.playerdesk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The contract checker finds what the contract tests rely on it to find. */
class OpenApiContractTest {

    static final String DOCUMENT = """
            {"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
             "components": {
               "securitySchemes": {"key": {"type": "apiKey", "in": "header", "name": "X-Key"}},
               "schemas": {
                 "Player": {"type": "object", "required": ["accountId"],
                   "properties": {"accountId": {"type": "string"}, "server": {"type": "string"},
                                  "seen": {"type": "string", "format": "date-time"},
                                  "note": {"type": ["string", "null"]}}},
                 "Tags": {"type": "object", "additionalProperties": {"type": "string"}}}},
             "paths": {
               "/players/{id}": {
                 "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "maxLength": 5}}],
                 "get": {"operationId": "player", "security": [{"key": []}],
                   "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1}}],
                   "responses": {
                     "200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Player"}}}},
                     "404": {"$ref": "#/components/responses/Gone"}}},
                 "post": {"operationId": "tag",
                   "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Tags"}}}},
                   "responses": {"204": {"description": "tagged"}}}},
               "/players/all": {"get": {"operationId": "all", "responses": {"200": {"description": "all",
                   "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Player"}}}}}}}}}}
            """.replace("\"components\": {", "\"components\": {\"responses\": {\"Gone\": {\"description\": \"gone\", "
            + "\"content\": {\"application/problem+json\": {\"schema\": {\"type\": \"object\"}}}}},");

    final OpenApiContract contract = OpenApiContract.ofJson("test", DOCUMENT);

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerAsDeclaredPasses() {
        assertThat(contract.answerProblems("GET", "/players/p1?limit=2", 200, "application/json;charset=UTF-8",
                bytes("{\"accountId\": \"p1\", \"server\": \"S1\", \"seen\": \"2026-11-23T08:15:30Z\", \"note\": null}")))
                .isEmpty();
        assertThat(contract.answerProblems("GET", "/players/p1", 404, "application/problem+json", bytes("{}")))
                .isEmpty();
        assertThat(contract.answerProblems("POST", "/players/p1", 204, null, new byte[0])).isEmpty();
        assertThat(contract.seen()).contains("player 200", "player 404", "tag 204");
        assertThat(contract.unexercised(false)).containsExactly("all");
    }

    @Test
    void aLiteralPathWinsOverATemplate() {
        assertThat(contract.route("GET", "/players/all").operationId()).isEqualTo("all");
        assertThat(contract.answerProblems("GET", "/players/all", 200, "application/json",
                bytes("[{\"accountId\": \"p1\", \"server\": null}]"))).singleElement().asString()
                .contains("server").contains("null");
    }

    @Test
    void findsAnUndeclaredStatusContentTypeNullUnknownFieldBadFormatAndMissingBody() {
        assertThat(contract.answerProblems("GET", "/players/p1", 500, "application/json", bytes("{}")))
                .singleElement().asString().contains("not declared");
        assertThat(contract.answerProblems("GET", "/players/p1", 200, "text/html", bytes("<p>")))
                .singleElement().asString().contains("content type");
        assertThat(contract.answerProblems("GET", "/players/p1", 200, "application/json",
                bytes("{\"accountId\": \"p1\", \"server\": null}"))).singleElement().asString().contains("server");
        assertThat(contract.answerProblems("GET", "/players/p1", 200, "application/json",
                bytes("{\"accountId\": \"p1\", \"serverName\": \"S1\"}"))).singleElement().asString()
                .contains("serverName");
        assertThat(contract.answerProblems("GET", "/players/p1", 200, "application/json",
                bytes("{\"accountId\": \"p1\", \"seen\": \"yesterday\"}"))).singleElement().asString().contains("seen");
        assertThat(contract.answerProblems("GET", "/players/p1", 200, "application/json", bytes("{}")))
                .singleElement().asString().contains("accountId");
        assertThat(contract.answerProblems("GET", "/players/p1", 200, "application/json", new byte[0]))
                .singleElement().asString().contains("no body");
        assertThat(contract.answerProblems("POST", "/players/p1", 204, "application/json", bytes("{}")))
                .singleElement().asString().contains("none is declared");
    }

    @Test
    void findsBadRequests() {
        assertThat(contract.requestProblems("GET", "/players/p1?limit=3", Map.of("x-key", "k"), null, null)).isEmpty();
        assertThat(contract.requestProblems("GET", "/players/p1", Map.of(), null, null)).singleElement().asString()
                .contains("X-Key");
        assertThat(contract.requestProblems("GET", "/players/toolong?limit=0", Map.of("X-Key", "k"), null, null))
                .hasSize(2);
        assertThat(contract.requestProblems("POST", "/players/p1", Map.of(), "application/json",
                bytes("{\"a\": \"b\"}"))).isEmpty();
        assertThat(contract.requestProblems("POST", "/players/p1", Map.of(), "application/json",
                bytes("{\"a\": 1}"))).hasSize(1);
        assertThat(contract.requestProblems("POST", "/players/p1", Map.of(), null, null)).singleElement().asString()
                .contains("required body");
    }
}
