package org.playerdesk.contract;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.OpenApi31;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * An OpenAPI 3.1 document as a contract that calls are checked against: an answer's status must
 * be declared by its operation, its content type must be one the status declares, and its body
 * must match that schema; a request must carry the required parameters and security headers,
 * each valid, and a body of a declared type that matches its schema. Schemas are checked with a
 * JSON Schema 2020-12 validator in the OpenAPI 3.1 dialect, with formats asserted.
 * <p>
 * Objects are closed while checking: a property the document does not name is a difference
 * too, unless the schema says what further properties may be ({@code additionalProperties}).
 * Every operation and status seen is recorded, so that a test can tell what it left unchecked.
 */
public final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String name;
    private final JsonNode document;
    private final JsonNode components;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final List<Route> webhooks = new ArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    private OpenApiContract(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        JsonNode closed = document.deepCopy();
        close(closed.path("components").path("schemas"), false);
        this.components = closed.path("components");
        this.registry = SchemaRegistry.withDefaultDialect(OpenApi31.getInstance(),
                builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                        .locale(Locale.ENGLISH).build()));
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String method = operation.getKey().toUpperCase(Locale.ROOT);
            if (List.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS").contains(method)) {
                routes.add(new Route(method, path.getKey(), pattern(path.getKey()), path.getValue(),
                        operation.getValue()));
            }
        }));
        // a webhook is a request the document's publisher sends: named, not reached by a path
        document.path("webhooks").properties().forEach(hook -> hook.getValue().properties().forEach(operation ->
                webhooks.add(new Route(operation.getKey().toUpperCase(Locale.ROOT), hook.getKey(),
                        Pattern.compile("(?!)"), hook.getValue(), operation.getValue()))));
        // a literal path wins over a template that also matches it (/accounts/{id} and /currencies)
        routes.sort((a, b) -> Long.compare(a.template().chars().filter(c -> c == '{').count(),
                b.template().chars().filter(c -> c == '{').count()));
    }

    /** A document in JSON. */
    public static OpenApiContract ofJson(String name, String json) {
        return new OpenApiContract(name, JSON.readTree(json));
    }

    /** A document in a file, YAML or JSON. */
    public static OpenApiContract ofFile(Path file) throws IOException {
        String text = Files.readString(file);
        JsonNode document = file.toString().endsWith(".json") ? JSON.readTree(text)
                : YAMLMapper.builder().build().readTree(text);
        return new OpenApiContract(file.getFileName().toString(), document);
    }

    public JsonNode document() {
        return document;
    }

    /** One operation of the document. */
    public record Route(String method, String template, Pattern pattern, JsonNode pathItem, JsonNode operation) {

        public String operationId() {
            return operation.path("operationId").asString(method + " " + template);
        }

        public Set<String> statuses() {
            Set<String> statuses = new TreeSet<>();
            operation.path("responses").properties().forEach(e -> statuses.add(e.getKey()));
            return statuses;
        }
    }

    /** Every operation's id with the statuses it declares. */
    public Map<String, Set<String>> declared() {
        Map<String, Set<String>> declared = new TreeMap<>();
        routes.forEach(route -> declared.put(route.operationId(), route.statuses()));
        return declared;
    }

    /** What was checked so far: "operationId status" for answers, "operationId request" for requests. */
    public Set<String> seen() {
        return new TreeSet<>(seen);
    }

    /** The operations that no checked answer (or, for {@code requests}, no checked request) came from. */
    public Set<String> unexercised(boolean requests) {
        Set<String> left = new TreeSet<>();
        for (Route route : routes) {
            String id = route.operationId();
            boolean any = requests ? seen.contains(id + " request")
                    : seen.stream().anyMatch(s -> s.startsWith(id + " ") && !s.endsWith(" request"));
            if (!any) {
                left.add(id);
            }
        }
        return left;
    }

    /** The operation that serves {@code method} and {@code path} (a path as the document writes them, no query). */
    public Route route(String method, String path) {
        return find(method, path).orElseThrow(() -> new AssertionError(name + ": no operation " + method + " " + path));
    }

    /** The operation that serves {@code method} and {@code path}, if the document has one. */
    public Optional<Route> find(String method, String path) {
        String bare = stripQuery(path);
        return routes.stream()
                .filter(route -> route.method().equalsIgnoreCase(method) && route.pattern().matcher(bare).matches())
                .findFirst();
    }

    private static final Set<String> KEYWORDS = Set.of("$ref", "$schema", "$id", "$defs", "$comment", "type",
            "format", "properties", "required", "items", "prefixItems", "enum", "const", "description", "title",
            "example", "examples", "default", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
            "multipleOf", "minLength", "maxLength", "pattern", "additionalProperties", "unevaluatedProperties",
            "propertyNames", "patternProperties", "minProperties", "maxProperties", "minItems", "maxItems",
            "uniqueItems", "contains", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "deprecated",
            "readOnly", "writeOnly", "discriminator", "xml", "externalDocs", "contentMediaType", "contentEncoding");

    /**
     * Words in schemas that are no keyword: a sign of a slip in the document, such as a YAML flow
     * mapping split by a comma inside an unquoted description.
     */
    public List<String> unknownKeywords() {
        List<String> unknown = new ArrayList<>();
        document.path("components").path("schemas").properties()
                .forEach(e -> keywords("#/components/schemas/" + e.getKey(), e.getValue(), unknown));
        findSchemas("#", document, unknown);
        return unknown;
    }

    private static void findSchemas(String where, JsonNode node, List<String> unknown) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if ("schema".equals(e.getKey()) && e.getValue().isObject()) {
                    keywords(where + "/schema", e.getValue(), unknown);
                } else if (!"schemas".equals(e.getKey()) && !"example".equals(e.getKey())
                        && !"examples".equals(e.getKey())) {
                    findSchemas(where + "/" + e.getKey(), e.getValue(), unknown);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                findSchemas(where + "/" + i, node.get(i), unknown);
            }
        }
    }

    private static void keywords(String where, JsonNode schema, List<String> unknown) {
        if (!schema.isObject()) {
            return;
        }
        schema.properties().forEach(e -> {
            String key = e.getKey();
            if (!KEYWORDS.contains(key) && !key.startsWith("x-")) {
                unknown.add(where + ": '" + key + "'");
            }
        });
        schema.path("properties").properties().forEach(e -> keywords(where + "/properties/" + e.getKey(), e.getValue(),
                unknown));
        for (String one : List.of("items", "additionalProperties", "not", "unevaluatedProperties")) {
            keywords(where + "/" + one, schema.path(one), unknown);
        }
        for (String many : List.of("allOf", "anyOf", "oneOf", "prefixItems")) {
            for (int i = 0; i < schema.path(many).size(); i++) {
                keywords(where + "/" + many + "/" + i, schema.path(many).get(i), unknown);
            }
        }
    }

    // ------------------------------------------------------------------------------------ answers

    /**
     * What is wrong with an answer to {@code method path}: an empty list when it keeps the
     * contract.
     */
    public List<String> answerProblems(String method, String path, int status, String contentType, byte[] body) {
        return answerProblems(route(method, stripQuery(path)), method, path, status, contentType, body);
    }

    private List<String> answerProblems(Route route, String method, String path, int status, String contentType,
            byte[] body) {
        String where = route.operationId() + " (" + method + " " + path + ") answered " + status;
        JsonNode answer = route.operation().path("responses").path(String.valueOf(status));
        if (answer.isMissingNode()) {
            answer = route.operation().path("responses").path(status / 100 + "XX");
        }
        if (answer.isMissingNode()) {
            return List.of(where + ": the status is not declared (declared: " + route.statuses() + ")");
        }
        seen.add(route.operationId() + " " + status);
        answer = resolve(answer);
        return contentProblems(where, answer.path("content"), contentType, body);
    }

    /** Fails with every difference when the answer does not keep the contract. */
    public void assertAnswer(String method, String path, int status, String contentType, byte[] body) {
        failOn(answerProblems(method, path, status, contentType, body), body);
    }

    // ----------------------------------------------------------------------------------- requests

    /**
     * What is wrong with a request to {@code method pathAndQuery} (a path as the document writes
     * them): missing or invalid parameters and security headers, a body of an undeclared type or
     * not matching its schema.
     */
    public List<String> requestProblems(String method, String pathAndQuery, Map<String, String> headers,
            String contentType, byte[] body) {
        return requestProblems(route(method, stripQuery(pathAndQuery)), method, pathAndQuery, headers, contentType,
                body);
    }

    /** The webhook named {@code name} in the document's {@code webhooks}. */
    public Route webhook(String name, String method) {
        return webhooks.stream().filter(w -> w.template().equals(name) && w.method().equalsIgnoreCase(method))
                .findFirst().orElseThrow(() -> new AssertionError(this.name + ": no webhook " + method + " " + name));
    }

    /** Fails with every difference when a webhook's call does not keep the contract. */
    public void assertWebhookRequest(String name, String method, String pathAndQuery, Map<String, String> headers,
            String contentType, byte[] body) {
        failOn(requestProblems(webhook(name, method), method, pathAndQuery, headers, contentType, body), body);
    }

    /** Fails with every difference when the answer to a webhook's call does not keep the contract. */
    public void assertWebhookAnswer(String name, String method, int status, String contentType, byte[] body) {
        failOn(answerProblems(webhook(name, method), method, name, status, contentType, body), body);
    }

    private List<String> requestProblems(Route route, String method, String pathAndQuery, Map<String, String> headers,
            String contentType, byte[] body) {
        String path = stripQuery(pathAndQuery);
        seen.add(route.operationId() + " request");
        String where = route.operationId() + " (" + method + " " + pathAndQuery + ") request";
        List<String> problems = new ArrayList<>();
        Map<String, String> lowerHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        lowerHeaders.putAll(headers);
        Map<String, String> query = query(pathAndQuery);
        Matcher matcher = route.pattern().matcher(path);
        boolean byPath = matcher.matches();
        Map<String, JsonNode> parameters = new LinkedHashMap<>();
        for (JsonNode list : List.of(route.pathItem().path("parameters"), route.operation().path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolve(parameter);
                parameters.put(resolved.path("in").asString() + ":" + resolved.path("name").asString(), resolved);
            }
        }
        for (JsonNode parameter : parameters.values()) {
            String in = parameter.path("in").asString();
            String parameterName = parameter.path("name").asString();
            String value = switch (in) {
                case "path" -> byPath ? decode(matcher.group(groupName(parameterName))) : null;
                case "query" -> query.get(parameterName);
                case "header" -> lowerHeaders.get(parameterName);
                default -> null;
            };
            if (value == null) {
                if (parameter.path("required").asBoolean(false)) {
                    problems.add(where + ": the required " + in + " parameter " + parameterName + " is missing");
                }
                continue;
            }
            JsonNode schema = parameter.path("schema");
            for (Error error : schema(schema).validate(typed(value, schema))) {
                problems.add(where + ": " + in + " parameter " + parameterName + " " + error.getMessage());
            }
        }
        problems.addAll(securityProblems(where, route, lowerHeaders));
        JsonNode requestBody = resolve(route.operation().path("requestBody"));
        if (requestBody.isMissingNode()) {
            if (body != null && body.length > 0) {
                problems.add(where + ": has a body, but the operation takes none");
            }
        } else if (body == null || body.length == 0) {
            if (requestBody.path("required").asBoolean(false)) {
                problems.add(where + ": the required body is missing");
            }
        } else {
            problems.addAll(contentProblems(where, requestBody.path("content"), contentType, body));
        }
        return problems;
    }

    /** Fails with every difference when the request does not keep the contract. */
    public void assertRequest(String method, String pathAndQuery, Map<String, String> headers, String contentType,
            byte[] body) {
        failOn(requestProblems(method, pathAndQuery, headers, contentType, body), body);
    }

    /** The operation's security (or the document's): every header of one of its requirements must be sent. */
    private List<String> securityProblems(String where, Route route, Map<String, String> headers) {
        JsonNode security = route.operation().has("security") ? route.operation().path("security")
                : document.path("security");
        if (!security.isArray() || security.isEmpty()) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode requirement : security) {
            List<String> lacking = new ArrayList<>();
            requirement.properties().forEach(entry -> {
                JsonNode scheme = components.path("securitySchemes").path(entry.getKey());
                String header = switch (scheme.path("type").asString()) {
                    case "apiKey" -> "header".equals(scheme.path("in").asString()) ? scheme.path("name").asString() : null;
                    case "http" -> "Authorization";
                    default -> null;
                };
                if (header != null && !headers.containsKey(header)) {
                    lacking.add(header);
                }
            });
            if (lacking.isEmpty()) {
                return List.of();
            }
            missing.add(String.join(" and ", lacking));
        }
        return List.of(where + ": no security requirement is met; missing " + String.join(", or ", missing));
    }

    // ------------------------------------------------------------------------------------ content

    private List<String> contentProblems(String where, JsonNode content, String contentType, byte[] body) {
        boolean empty = body == null || body.length == 0;
        if (content.isMissingNode() || content.isEmpty()) {
            return empty ? List.of() : List.of(where + ": has a body (" + contentType + "), but none is declared");
        }
        if (empty) {
            return List.of(where + ": has no body, but one of " + names(content) + " is declared");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        JsonNode media = null;
        for (var entry : content.properties()) {
            if (matches(entry.getKey(), type)) {
                media = entry.getValue();
                break;
            }
        }
        if (media == null) {
            return List.of(where + ": has the content type '" + contentType + "', declared: " + names(content));
        }
        JsonNode schema = media.path("schema");
        if (schema.isMissingNode() || !(type.endsWith("json") || type.endsWith("+json"))) {
            return List.of();
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (JacksonException e) {
            return List.of(where + ": the body is not JSON: " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        for (Error error : schema(schema).validate(value)) {
            problems.add(where + ": " + error);
        }
        return problems;
    }

    private static boolean matches(String declared, String type) {
        String wanted = declared.toLowerCase(Locale.ROOT);
        if (wanted.equals(type) || wanted.equals("*/*")) {
            return true;
        }
        return wanted.endsWith("/*") && type.startsWith(wanted.substring(0, wanted.length() - 1));
    }

    private static String names(JsonNode content) {
        List<String> names = new ArrayList<>();
        content.properties().forEach(e -> names.add(e.getKey()));
        return names.toString();
    }

    /** The schema as a document of its own, beside the document's (closed) components, so that its references resolve. */
    private Schema schema(JsonNode schema) {
        return schemas.computeIfAbsent(schema.toString(), key -> {
            ObjectNode root = NODES.objectNode();
            JsonNode copy = schema.deepCopy();
            close(copy, false);
            if (copy.isObject()) {
                root.setAll((ObjectNode) copy);
            } else {
                root.set("allOf", NODES.arrayNode().add(copy));
            }
            root.set("components", components);
            return registry.getSchema(root);
        });
    }

    /**
     * Closes every object schema that names its properties and says nothing of others, except
     * inside a composition, where the sibling schemas name the rest.
     */
    private static void close(JsonNode node, boolean inComposition) {
        if (node instanceof ObjectNode object) {
            if (!inComposition && object.has("properties") && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties") && !object.has("allOf")) {
                object.put("additionalProperties", false);
            }
            object.properties().forEach(entry -> close(entry.getValue(),
                    List.of("allOf", "anyOf", "oneOf").contains(entry.getKey())
                            || (inComposition && entry.getValue().isObject() && !"properties".equals(entry.getKey()))));
        } else if (node != null && node.isArray()) {
            node.forEach(item -> close(item, inComposition));
        }
    }

    /** A {@code $ref} to the document's components, followed. */
    private JsonNode resolve(JsonNode node) {
        int depth = 0;
        while (node.has("$ref") && depth++ < 10) {
            String ref = node.path("$ref").asString();
            if (!ref.startsWith("#/")) {
                throw new AssertionError(name + ": only references within the document are read: " + ref);
            }
            node = document.at(ref.substring(1));
        }
        return node;
    }

    private static JsonNode typed(String value, JsonNode schema) {
        Set<String> types = new LinkedHashSet<>();
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asString()));
        } else if (!type.isMissingNode()) {
            types.add(type.asString());
        }
        try {
            if (types.contains("integer")) {
                return NODES.numberNode(Long.parseLong(value));
            }
            if (types.contains("number")) {
                return NODES.numberNode(Double.parseDouble(value));
            }
        } catch (NumberFormatException notANumber) {
            return NODES.stringNode(value);
        }
        if (types.contains("boolean") && ("true".equals(value) || "false".equals(value))) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        return NODES.stringNode(value);
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(template);
        int last = 0;
        while (variables.find()) {
            regex.append(Pattern.quote(template.substring(last, variables.start())));
            regex.append("(?<").append(groupName(variables.group(1))).append(">[^/]+)");
            last = variables.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private static String groupName(String variable) {
        return "v" + variable.replaceAll("[^A-Za-z0-9]", "");
    }

    private static String stripQuery(String path) {
        int question = path.indexOf('?');
        return question < 0 ? path : path.substring(0, question);
    }

    private static Map<String, String> query(String pathAndQuery) {
        Map<String, String> query = new LinkedHashMap<>();
        int question = pathAndQuery.indexOf('?');
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                query.putIfAbsent(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private void failOn(Collection<String> problems, byte[] body) {
        if (!problems.isEmpty()) {
            String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            throw new AssertionError(name + " is not kept:\n  " + String.join("\n  ", problems)
                    + (text.isEmpty() ? "" : "\nbody: " + (text.length() > 2000 ? text.substring(0, 2000) + "…" : text)));
        }
    }
}
