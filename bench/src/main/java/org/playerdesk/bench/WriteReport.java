package org.playerdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts the figures of one run (the JSON files the other tools wrote into one folder) together
 * with the machine, the database, the date and the commit, and writes them as JSON and as a
 * Markdown table, with the targets each figure is held against.
 *
 * <pre>WriteReport --parts dir --jdbc ... --commit abc123 --name 2026-11-23-postgres-100k --results bench/results</pre>
 */
public final class WriteReport {

    public static void main(String[] args) throws Exception {
        Arguments arguments = new Arguments(args);
        ObjectNode report = Arguments.JSON.createObjectNode();
        report.set("run", Arguments.JSON.valueToTree(run(arguments)));
        try (Stream<Path> parts = Files.list(Path.of(arguments.required("parts")))) {
            for (Path part : parts.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                report.setAll((ObjectNode) Arguments.JSON.readTree(part.toFile()));
            }
        }
        report.set("targets", Arguments.JSON.valueToTree(targets(report)));
        Path results = Files.createDirectories(Path.of(arguments.required("results")));
        String name = arguments.required("name");
        Arguments.JSON.writeValue(results.resolve(name + ".json").toFile(), report);
        Files.writeString(results.resolve(name + ".md"), markdown(report));
        System.out.println("results: " + results.resolve(name + ".md"));
    }

    private static Map<String, Object> run(Arguments arguments) throws Exception {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("date", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString());
        run.put("commit", arguments.text("commit", "unknown"));
        run.put("tickets", arguments.integer("tickets", 0));
        run.put("cpuModel", cpuModel());
        run.put("cores", Runtime.getRuntime().availableProcessors());
        run.put("memoryGb", memoryGb());
        run.put("loadAverageAtStart", arguments.text("load", ""));
        run.put("loadAverageAtEnd", Files.readString(Path.of("/proc/loadavg")).strip());
        run.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        run.put("nodeOptions", arguments.text("node-options", ""));
        run.put("loadGeneratorCpus", arguments.text("load-cpus", "not pinned"));
        run.put("database", arguments.text("database-kept", "made for this run and dropped"));
        String jdbc = arguments.text("jdbc", null);
        if (jdbc != null) {
            try (Connection db = DriverManager.getConnection(jdbc, arguments.text("user", "postgres"), arguments.text("password", ""));
                    Statement sql = db.createStatement(); ResultSet version = sql.executeQuery("select version()")) {
                version.next();
                run.put("databaseVersion", version.getString(1));
            }
        }
        return run;
    }

    private static String cpuModel() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).strip();
            }
        }
        return "unknown";
    }

    private static double memoryGb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
            if (line.startsWith("MemTotal:")) {
                return Math.round(Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0 * 10) / 10.0;
            }
        }
        return 0;
    }

    private static JsonNode scenario(JsonNode report, String name, int clients) {
        for (JsonNode scenario : report.path("scenarios")) {
            if (scenario.path("scenario").asText().equals(name) && scenario.path("clients").asInt() == clients) {
                return scenario;
            }
        }
        return null;
    }

    private static List<Map<String, Object>> targets(JsonNode report) {
        List<Map<String, Object>> targets = new ArrayList<>();
        JsonNode intake = scenario(report, "intake", 64);
        if (intake != null) {
            targets.add(target("intake at 64 clients >= 1500 tickets/s", intake.path("throughput").asDouble() + " /s",
                    intake.path("throughput").asDouble() >= 1500));
            targets.add(target("intake at 64 clients p99 < 100 ms", intake.path("p99").asDouble() + " ms",
                    intake.path("p99").asDouble() < 100));
        }
        for (String page : List.of("inbox", "ticket page")) {
            for (JsonNode scenario : report.path("scenarios")) {
                String name = scenario.path("scenario").asText();
                if (name.equals(page) || name.startsWith(page + ", ")) {
                    targets.add(target(page + " p95 < 50 ms (" + scenario.path("clients").asInt() + (scenario.path("clients").asInt() == 1 ? " client, " : " clients, ")
                            + report.path("run").path("tickets").asInt() + " tickets" + name.substring(page.length()) + ")",
                            scenario.path("p95").asDouble() + " ms" + (scenario.path("errors").asLong() > 0
                                    ? ", " + scenario.path("errors").asLong() + " errors" : ""),
                            // a scenario that answered nothing, or refused some requests, meets nothing
                            scenario.path("requests").asLong() > 0 && scenario.path("errors").asLong() == 0
                                    && scenario.path("p95").asDouble() < 50));
                }
            }
        }
        JsonNode heap = report.path("heapDuringMixedDay");
        if (!heap.isMissingNode()) {
            targets.add(target("heap under 512 MB through the mixed day (-Xmx512m)",
                    heap.path("maxUsedHeapMb").asInt() + " MB used at most, " + heap.path("maxLiveDataAfterGcMb").asInt()
                            + " MB live after GC", heap.path("maxUsedHeapMb").asInt() < 512));
        }
        JsonNode startup = report.path("startup");
        if (!startup.isMissingNode()) {
            targets.add(target("start-up on the embedded defaults < 10 s (median to health UP)",
                    startup.path("medianToHealthySeconds").asDouble() + " s",
                    startup.path("medianToHealthySeconds").asDouble() < 10));
        }
        JsonNode fromCache = report.path("startupFromAotCache");
        if (!fromCache.isMissingNode()) {
            targets.add(target("start-up on the embedded defaults < 10 s, from a JDK AOT cache (median to health UP)",
                    fromCache.path("medianToHealthySeconds").asDouble() + " s",
                    fromCache.path("medianToHealthySeconds").asDouble() < 10));
        }
        return targets;
    }

    private static Map<String, Object> target(String what, String measured, boolean met) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("target", what);
        target.put("measured", measured);
        target.put("met", met);
        return target;
    }

    private static String markdown(JsonNode report) {
        StringBuilder md = new StringBuilder();
        JsonNode run = report.path("run");
        md.append("# PlayerDesk benchmark: ").append(run.path("tickets").asInt()).append(" tickets\n\n");
        md.append("| | |\n| --- | --- |\n");
        run.fields().forEachRemaining(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue().asText()).append(" |\n"));
        md.append("\nThe load generator, the node and PostgreSQL share the same machine. Latencies in ms; warm-up of ")
                .append(report.path("warmupSeconds").asText("?")).append(" s excluded, ")
                .append(report.path("measuredSeconds").asText("?")).append(" s measured per scenario ")
                .append("(mixed day: 10 s longer).\n\n");
        md.append("## Targets\n\n| target | measured | met |\n| --- | --- | --- |\n");
        for (JsonNode target : report.path("targets")) {
            md.append("| ").append(target.path("target").asText()).append(" | ").append(target.path("measured").asText())
                    .append(" | ").append(target.path("met").asBoolean() ? "yes" : "**no**").append(" |\n");
        }
        md.append("\n## Scenarios\n\nnode cores, load cores: the CPU the node and the load generator used on average while "
                + "measured (of the machine's cores); node ms: the node's CPU time per request.\n\n")
                .append("| scenario | clients | requests/s | p50 | p95 | p99 | max | errors | node cores | node ms | load cores |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        JsonNode raw = report.path("rawLimit").path("runs");
        for (JsonNode scenario : report.path("scenarios")) {
            row(md, scenario.path("scenario").asText(), scenario);
            scenario.path("operations").fields().forEachRemaining(op -> row(md, "&nbsp;&nbsp;" + op.getKey(), op.getValue()));
        }
        if (!raw.isMissingNode()) {
            md.append("\n## Raw limit: pgbench single-row insert of a ticket-sized row\n\n")
                    .append("| clients | inserts/s | p50 | p95 | p99 | intake/s | intake as share of the raw limit |\n")
                    .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (JsonNode limit : raw) {
                JsonNode intake = scenario(report, "intake", limit.path("clients").asInt());
                double intakeRate = intake == null ? 0 : intake.path("throughput").asDouble();
                md.append("| ").append(limit.path("clients").asInt()).append(" | ").append(limit.path("throughput").asDouble())
                        .append(" | ").append(limit.path("p50").asDouble()).append(" | ").append(limit.path("p95").asDouble())
                        .append(" | ").append(limit.path("p99").asDouble()).append(" | ").append(intakeRate).append(" | ")
                        .append(String.format("%.1f %%", 100 * intakeRate / limit.path("throughput").asDouble())).append(" |\n");
            }
        }
        if (report.has("storms")) {
            md.append("\n## Storms beside the page scenarios (tickets through the game API)\n\n")
                    .append("| asked/s | made | made/s | failed | skipped |\n| ---: | ---: | ---: | ---: | ---: |\n");
            for (JsonNode storm : report.path("storms")) {
                md.append("| ").append(storm.path("askedPerSecond").asInt()).append(" | ").append(storm.path("made").asLong())
                        .append(" | ").append(storm.path("madePerSecond").asDouble()).append(" | ")
                        .append(storm.path("failed").asLong()).append(" | ").append(storm.path("skipped").asLong()).append(" |\n");
            }
        }
        if (report.has("stormBurst")) {
            JsonNode burst = report.get("stormBurst");
            md.append("\n## The work after the answer behind a burst\n\n")
                    .append(burst.path("clients").asInt()).append(" game servers in a closed loop for ")
                    .append(burst.path("seconds").asInt()).append(" s: ").append(burst.path("acknowledged").asLong())
                    .append(" tickets acknowledged (").append(burst.path("outageReports").asLong())
                    .append(" of them outage reports of four servers), ").append(burst.path("acknowledgedPerSecond").asDouble())
                    .append("/s, p99 ").append(burst.path("p99Ms").asDouble()).append(" ms, ")
                    .append(burst.path("failed").asLong()).append(" not acknowledged.\n\n")
                    .append("| stage | seconds after the last 201 until every ticket had reached it |\n| --- | ---: |\n");
            stageLags(md, burst.path("secondsAfterTheLast201"));
        }
        if (report.has("stormSustained")) {
            md.append("\n## Sustained storms\n\n")
                    .append("| asked/s | seconds | acknowledged/s | failed | skipped | largest backlog (stage) | drained after the last 201 | kept up |\n")
                    .append("| ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
            for (JsonNode storm : report.path("stormSustained")) {
                long largest = 0;
                String stage = "";
                for (JsonNode sample : storm.path("samples")) {
                    for (var entry : sample.path("backlog").properties()) {
                        if (entry.getValue().asLong() > largest) {
                            largest = entry.getValue().asLong();
                            stage = entry.getKey();
                        }
                    }
                }
                double drained = 0;
                boolean all = true;
                for (var entry : storm.path("secondsAfterTheLast201").properties()) {
                    if (!entry.getKey().equals("reached")) {
                        all &= !entry.getValue().isNull();
                        drained = Math.max(drained, entry.getValue().asDouble());
                    }
                }
                md.append("| ").append(storm.path("askedPerSecond").asInt()).append(" | ").append(storm.path("seconds").asInt())
                        .append(" | ").append(storm.path("acknowledgedPerSecond").asDouble()).append(" | ")
                        .append(storm.path("failed").asLong()).append(" | ").append(storm.path("skipped").asLong())
                        .append(" | ").append(largest).append(largest > 0 ? " (" + stage + ")" : "").append(" | ")
                        .append(all ? drained + " s" : "not within 15 min").append(" | ")
                        .append(storm.path("keptUp").asBoolean() ? "yes" : "**no**").append(" |\n");
            }
        }
        for (String section : List.of("quiet", "loadGenerator")) {
            if (report.has(section)) {
                md.append("\n## ").append(section).append("\n\n```json\n").append(report.get(section).toPrettyString()).append("\n```\n");
            }
        }
        JsonNode heap = report.path("heapDuringMixedDay");
        if (!heap.isMissingNode()) {
            md.append("\n## Heap during the mixed day\n\n").append(heap.toString()).append("\n");
        }
        for (String section : List.of("startup", "startupFromAotCache", "generation")) {
            if (report.has(section)) {
                md.append("\n## ").append(section).append("\n\n```json\n").append(report.get(section).toPrettyString()).append("\n```\n");
            }
        }
        return md.toString();
    }

    private static void stageLags(StringBuilder md, JsonNode lags) {
        for (var entry : lags.properties()) {
            if (!entry.getKey().equals("reached")) {
                md.append("| ").append(entry.getKey()).append(" | ")
                        .append(entry.getValue().isNull() ? "not within 15 min (reached " + lags.path("reached")
                                .path(entry.getKey()).asLong() + ")" : entry.getValue().asDouble() + " s")
                        .append(" |\n");
            }
        }
    }

    private static void row(StringBuilder md, String name, JsonNode s) {
        md.append("| ").append(name).append(" | ").append(s.path("clients").asInt()).append(" | ")
                .append(s.path("throughput").asDouble()).append(" | ").append(s.path("p50").asDouble()).append(" | ")
                .append(s.path("p95").asDouble()).append(" | ").append(s.path("p99").asDouble()).append(" | ")
                .append(s.path("max").asDouble()).append(" | ").append(s.path("errors").asLong()).append(" | ")
                .append(s.path("cpu").path("nodeCores").asText("")).append(" | ")
                .append(s.path("cpu").path("nodeCpuMsPerRequest").asText("")).append(" | ")
                .append(s.path("cpu").path("loadGeneratorCores").asText("")).append(" |\n");
    }
}
