package org.playerdesk.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document describes the whole game API, so that integrators can generate clients. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class) // the same application context as the other API tests
class GameApiDocumentTest {

    static final Path COMMITTED = Path.of("docs/api.openapi.json");

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;

    @Test
    void describesEveryOperationItsSchemasErrorsAndTheApiKey() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/tickets'].post.operationId").value("openTicket"))
                .andExpect(jsonPath("$.paths['/api/v1/tickets/{id}'].get.operationId").value("getTicket"))
                .andExpect(jsonPath("$.paths['/api/v1/tickets/{id}/messages'].post.operationId").value("followUp"))
                .andExpect(jsonPath("$.paths['/api/v1/players/{accountId}/tickets'].get.operationId")
                        .value("playerTickets"))
                .andExpect(jsonPath("$.components.securitySchemes.gameApiKey.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.gameApiKey.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/tickets'].post.security[0].gameApiKey").isArray())
                .andExpect(jsonPath("$.paths['/api/v1/tickets'].post.parameters[*].name", hasItem("Idempotency-Key")))
                .andExpect(jsonPath("$.paths['/api/v1/tickets'].post.responses['422'].content['application/problem+json']")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.NewTicket.properties.type.enum",
                        hasItems("bug", "ban_appeal", "payment")))
                .andExpect(jsonPath("$.components.schemas.NewTicket.properties.unknown").doesNotExist())
                .andExpect(jsonPath("$.components.schemas.Ticket.properties.status.enum", hasItems("new", "closed")))
                .andExpect(jsonPath("$.components.schemas.Problem.properties.errors").exists());
    }

    /**
     * docs/api.openapi.json is the document as the application serves it, for generators and
     * reviewers; a change of the API shows there. When they differ the file is written anew and
     * the test fails: review the difference and commit it.
     */
    @Test
    void theCommittedDocumentIsTheOneServed() throws Exception {
        String served = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String pretty = json.writerWithDefaultPrettyPrinter().writeValueAsString(json.readTree(served)) + "\n";
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "";
        if (!committed.equals(pretty)) {
            Files.writeString(COMMITTED, pretty);
        }
        assertThat(committed).as("docs/api.openapi.json differs from the served document; it was written anew: "
                + "review and commit it").isEqualTo(pretty);
    }

    @Test
    void theBrowsableDocumentationOpensWithoutSigningIn() throws Exception {
        String ui = mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(ui))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }
}
