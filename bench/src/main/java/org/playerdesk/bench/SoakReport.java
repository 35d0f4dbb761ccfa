package org.playerdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Writes the two-node soak's figures as JSON and as a Markdown page, side by side. */
final class SoakReport {

    private SoakReport() {
    }

    static void write(Map<String, Object> figures, Path results, String name) throws Exception {
        Files.createDirectories(results);
        JsonNode report = Arguments.JSON.valueToTree(figures);
        Arguments.JSON.writeValue(results.resolve(name + ".json").toFile(), report);
        Files.writeString(results.resolve(name + ".md"), markdown(report));
        System.out.println("results: " + results.resolve(name + ".md"));
    }

    private static String markdown(JsonNode report) {
        StringBuilder md = new StringBuilder();
        JsonNode run = report.path("run");
        JsonNode kill = report.path("kill");
        md.append("# PlayerDesk two-node soak: ").append(run.path("minutes").asInt()).append(" minutes, node ")
                .append(run.path("killedNode").asText()).append(" killed after ").append(run.path("killAfterSeconds").asInt())
                .append(" s\n\n");
        md.append("Two nodes (`java -jar target/playerdesk.jar`, ").append(run.path("nodeOptions").asText())
                .append(") on one PostgreSQL database and one RabbitMQ (live chat's STOMP relay), behind ")
                .append(run.path("balancer").asText()).append(" on 127.0.0.1 (round robin, health check on "
                        + "`/actuator/health` every second, down after 2 failures; console and help-center browsers "
                        + "kept on one node by a cookie, since sessions live in the node that made them). "
                        + "Attachments: ").append(run.path("attachments").asText())
                .append(". The load generator, both nodes, PostgreSQL, RabbitMQ and HAProxy share one machine.\n\n");
        md.append("| | |\n| --- | --- |\n");
        run.fields().forEachRemaining(e -> md.append("| ").append(e.getKey()).append(" | ")
                .append(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()).append(" |\n"));

        md.append("\n## Checks\n\n| check | passed | figures |\n| --- | --- | --- |\n");
        for (JsonNode check : report.path("checks")) {
            md.append("| ").append(check.path("name").asText()).append(" | ")
                    .append(check.path("passed").asBoolean() ? "yes" : "**no**").append(" | `")
                    .append(check.path("figures").toString().replace("|", "\\|")).append("` |\n");
        }
        for (JsonNode check : report.path("checks")) {
            if (!check.path("failures").isEmpty()) {
                md.append("\n**").append(check.path("name").asText()).append("**, first failures:\n\n");
                check.path("failures").forEach(f -> md.append("- ").append(f.asText()).append('\n'));
            }
        }

        md.append("\n## Requests by kind (whole run)\n\nLatencies in ms, of the answered requests; errors include "
                + "those in flight when the node was killed. Chat lines: from the send on one side to the arrival "
                + "on the other, through RabbitMQ.\n\n")
                .append("| kind | requests | errors | per s | p50 | p95 | p99 | max | answered by |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        report.path("traffic").fields().forEachRemaining(e -> {
            JsonNode k = e.getValue();
            md.append("| ").append(e.getKey()).append(" | ").append(k.path("requests").asLong()).append(" | ")
                    .append(k.path("errors").asLong()).append(" | ").append(k.path("perSecond").asDouble()).append(" | ")
                    .append(k.path("p50").asDouble()).append(" | ").append(k.path("p95").asDouble()).append(" | ")
                    .append(k.path("p99").asDouble()).append(" | ").append(k.path("max").asDouble()).append(" | ")
                    .append(k.path("servedBy").isEmpty() ? "" : k.path("servedBy").toString()).append(" |\n");
        });
        md.append("\nAnswers per node and phase: `").append(report.path("answeredPerNodeAndPhase")).append("`\n");

        md.append("\n## Taking over\n\nSeconds from the kill.\n\n| | |\n| --- | --- |\n");
        report.path("takeover").fields().forEachRemaining(e -> md.append("| ").append(e.getKey()).append(" | ")
                .append(e.getValue().asText()).append(" |\n"));
        md.append("\n## The kill\n\n| | |\n| --- | --- |\n");
        kill.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("balancerCounters") && !e.getKey().equals("failures")) {
                md.append("| ").append(e.getKey()).append(" | ")
                        .append(e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString())
                        .append(" |\n");
            }
        });
        for (String counters : new String[] { "balancerCountersFromKillUntilNoticed", "balancerCountersFromKillUntilBack" }) {
            if (kill.has(counters)) {
                md.append("\n").append(counters).append(" (HAProxy's own counters; `hrsp_5xx`: answers with 5xx, "
                        + "`eresp`/`econ`: failed responses/connections to a node, `wretr`/`wredis`: retries and "
                        + "redispatches to the other node):\n\n| row | ");
                Iterable<String> names = () -> Balancer.COUNTERS.stream().filter(c -> !c.equals("downtime")).iterator();
                names.forEach(c -> md.append(c).append(" | "));
                md.append("\n| --- |");
                names.forEach(c -> md.append(" ---: |"));
                md.append('\n');
                kill.path(counters).fields().forEachRemaining(row -> {
                    md.append("| ").append(row.getKey()).append(" | ");
                    names.forEach(c -> md.append(row.getValue().path(c).asLong()).append(" | "));
                    md.append('\n');
                });
            }
        }
        if (!kill.path("failures").isEmpty()) {
            md.append("\nFailed requests (first 60), by when they were sent relative to the kill:\n\n");
            kill.path("failures").forEach(f -> md.append("- ").append(f.path("sentSecondsAfterKill").asText())
                    .append(" s, ").append(f.path("kind").asText()).append(", failed at ")
                    .append(f.path("origin").asText()).append(": ").append(f.path("what").asText()).append('\n'));
        }
        JsonNode logged = report.path("errorsLoggedByTheNodes");
        md.append("\n## ERROR lines in the nodes' logs (first 20 per node)\n\n");
        logged.fields().forEachRemaining(node -> {
            if (node.getValue().isEmpty()) {
                md.append("- node ").append(node.getKey()).append(": none\n");
            }
            node.getValue().forEach(line -> md.append("- `").append(line.asText().replace("`", "'")).append("`\n"));
        });
        return md.toString();
    }
}
