package org.playerdesk.reliability;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.playerdesk.PlayerDeskApplication;

/**
 * PlayerDesk in a process of its own, started the way an operator starts it (the application's
 * main class, settings in environment variables), so that a test can kill it with SIGKILL and
 * start it again on the same data. Its game and API key come from {@link NodeFixture}.
 */
final class PlayerDeskNode implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Path LOGS = Path.of("target", "reliability");
    /** The key of {@code playerdesk.secrets.keys.test1} in the tests' settings. */
    static final String TEST_SECRETS_KEY = "nyvWqHLMg6pnZa/DNdl0GLibHkfkQA+XQK9/TBCoPIo=";

    private final Path home;
    private final Database database; // null: the embedded default
    private final int port;
    private final String game;
    private final String apiKey;
    private final List<Path> logs = new ArrayList<>();
    private Process process;

    private final Map<String, String> settings;

    private PlayerDeskNode(Path home, Database database, Map<String, String> settings) {
        this.home = home;
        this.database = database;
        this.settings = settings;
        this.port = freePort();
        String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        this.game = "rel-" + suffix;
        this.apiKey = "reliability-key-" + suffix;
    }

    /**
     * Starts a node whose data (attachments and, without a database, the embedded H2 database)
     * lives under {@code home}.
     */
    static PlayerDeskNode start(Path home, Database database) {
        return start(home, database, Map.of());
    }

    /** The same, with more settings as environment variables. */
    static PlayerDeskNode start(Path home, Database database, Map<String, String> settings) {
        PlayerDeskNode node = new PlayerDeskNode(home, database, settings);
        try {
            node.start();
        } catch (RuntimeException | Error e) {
            node.close(); // the caller never gets the node to close
            throw e;
        }
        return node;
    }

    /** Starts the node (again, on the same data and port) and waits until its API answers. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the node is running");
        }
        // kept after the test (the data folder is not), to explain a failure
        Path log = LOGS.resolve(game + "-" + (logs.size() + 1) + ".log");
        try {
            Files.createDirectories(LOGS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        logs.add(log);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PlayerDeskApplication.class.getName(),
                // the packaged settings only, not the tests' (config/application.yml: in-memory H2)
                "--spring.config.location=classpath:/application.yml",
                "--spring.main.sources=" + NodeFixture.class.getName(),
                "--" + NodeFixture.GAME + "=" + game, "--" + NodeFixture.API_KEY + "=" + apiKey)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("SERVER_PORT", Integer.toString(port));
        environment.put("SERVER_ADDRESS", "127.0.0.1");
        environment.put("PLAYERDESK_DATA_DIR", home.resolve("data").toString());
        environment.put("PLAYERDESK_DEMO", "false");
        // what these nodes are tested for needs no embedding model: none is loaded beside the suite
        environment.put("PLAYERDESK_EMBEDDING_ENABLED", "false");
        // the nodes of one database seal secrets with one key, as production nodes must: the tests'
        // own key (config/application.yml), since on PostgreSQL the nodes share the suite's database
        // with the test contexts, whose sealed secrets they check at start-up
        environment.put("PLAYERDESK_SECRETS_KEYS_TEST1", TEST_SECRETS_KEY);
        environment.put("PLAYERDESK_SECRETS_ACTIVEKEY", "test1");
        environment.keySet().removeIf(name -> name.startsWith("PLAYERDESK_DB_") || name.startsWith("SPRING_"));
        if (database != null) {
            environment.put("PLAYERDESK_DB_URL", database.url());
            environment.put("PLAYERDESK_DB_USER", database.user());
            environment.put("PLAYERDESK_DB_PASSWORD", database.password());
        }
        environment.put("PLAYERDESK_DB_POOL_SIZE", "10");
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.putAll(settings);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GameServer probe = new GameServer(this);
        try {
            await("node on port " + port + " to answer its game API").atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250)).ignoreExceptionsInstanceOf(IOException.class)
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("the node exited with " + process.exitValue() + ":\n" + logTail());
                        }
                        return probe.ready();
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("the node did not answer in time:\n" + logTail(), e);
        }
        try {
            HttpResponse<String> api = probe.get("/api/v1/players/ready/tickets");
            if (api.statusCode() != 200) {
                throw new IllegalStateException("the node's game API answers " + api.statusCode() + " " + api.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no graceful shutdown, no flush; as a power cut is to the process. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the graceful shutdown an operator's stop gives. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the node did not exit", e);
        }
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String game() {
        return game;
    }

    String apiKey() {
        return apiKey;
    }

    /** What the database holds for the node's game. */
    StoredState stored() throws IOException, InterruptedException {
        return new GameServer(this).stored();
    }

    /** The end of the current log, to explain a failure. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(logs.getLast(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
