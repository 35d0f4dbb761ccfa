package org.playerdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One PlayerDesk node of the soak in a process of its own, started as an operator starts it
 * ({@code java -jar target/playerdesk.jar}, settings in environment variables and options), so
 * that it can be killed with SIGKILL and started again with the same settings. Its log of each
 * start and its process id are kept in the run's work folder.
 */
final class SoakNode {

    /** A log line at level ERROR (Spring Boot's format: the time, then the level). */
    private static final Pattern ERROR = Pattern.compile("\\S+\\s+ERROR\\s");

    private final String name;
    private final int port;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private long startedAt;
    private int starts;

    SoakNode(String name, int port, List<String> command, Map<String, String> environment, Path work) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.environment = environment;
        this.work = work;
    }

    String name() {
        return name;
    }

    /** The node itself, not through the balancer. */
    String base() {
        return "http://127.0.0.1:" + port;
    }

    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("node " + name + " is running");
        }
        starts++;
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log().toFile());
        // only the settings given here: none inherited from the shell that started the soak
        builder.environment().keySet().removeIf(key -> key.startsWith("PLAYERDESK_") || key.startsWith("SPRING_")
                || key.startsWith("SERVER_") || key.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().putAll(environment);
        startedAt = System.nanoTime();
        process = builder.start();
        Files.writeString(work.resolve("node-" + name + ".pid"), Long.toString(process.pid()));
    }

    /**
     * Waits until the node is ready (its readiness probe answers UP: start-up tasks such as the
     * demo workspace's seeding are done) and answers the seconds since {@link #start()}.
     */
    double awaitReady(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        HttpRequest readiness = HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<String> answer = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return (System.nanoTime() - startedAt) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("node " + name + " was not ready within " + atMost + "; see " + log());
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown; as a power cut is to the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(60, TimeUnit.SECONDS);
    }

    /** SIGTERM, the operator's stop; SIGKILL after a minute. */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The log of the latest start. */
    Path log() {
        return work.resolve("node-" + name + "-" + starts + ".log");
    }

    /** The lines of every log of this node that report an error, for the report. */
    List<String> errorLines(int atMost) throws IOException {
        List<String> found = new ArrayList<>();
        for (int i = 1; i <= starts && found.size() < atMost; i++) {
            Path log = work.resolve("node-" + name + "-" + i + ".log");
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    if (ERROR.matcher(line).lookingAt() && found.size() < atMost) {
                        found.add(name + "#" + i + ": " + line.substring(0, Math.min(300, line.length())));
                    }
                }
            }
        }
        return found;
    }
}
