package org.playerdesk.knowledge.internal;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real OpenSearch node for the search tests: the one named by {@code PLAYERDESK_TEST_OPENSEARCH_URIS}
 * (an external cluster, e.g. {@code http://127.0.0.1:9200}), or else one started once per test
 * run as a process of its own (its Lucene is not the application's), from the jars the build
 * copied into {@code target/opensearch-node/lib} (the pom's execution "opensearch-node": resolved
 * with the build's other artifacts, nothing is downloaded while the tests run) and
 * {@code src/test/opensearch/OpenSearchTestNode.java}, with the Netty transport and the
 * analysis-common module, on a free port of 127.0.0.1, its data under
 * {@code target/opensearch-node/home}. It stops with the test JVM.
 */
public final class OpenSearchServer {

    public static final String EXTERNAL = "PLAYERDESK_TEST_OPENSEARCH_URIS";

    private static OpenSearchServer shared;

    private final String uris;

    private OpenSearchServer(String uris) {
        this.uris = uris;
    }

    /** The one node of this test run, started on first use. */
    public static synchronized OpenSearchServer shared() {
        if (shared == null) {
            String external = System.getenv(EXTERNAL);
            shared = external != null && !external.isBlank() ? new OpenSearchServer(external.strip()) : start();
        }
        return shared;
    }

    /** The URIs to give {@code playerdesk.search.opensearch.uris}. */
    public String uris() {
        return uris;
    }

    private static OpenSearchServer start() {
        Path base = Path.of("").toAbsolutePath();
        Path folder = base.resolve("target/opensearch-node");
        try {
            String classpath = classpath(folder);
            Path home = folder.resolve("home");
            deleteTree(home);
            Files.createDirectories(home);
            int port = freePort();
            Path log = folder.resolve("node-" + port + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                    // the node's Netty and Lucene reach for memory access the newest JDKs warn about
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp", classpath, base.resolve("src/test/opensearch/OpenSearchTestNode.java").toString(),
                    Integer.toString(port), home.toString(), Integer.toString(freePort())));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            Process process = builder.start();
            // the node stops when this pipe closes: with the test JVM, however it ends
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                process.destroy();
            }));
            String uri = "http://127.0.0.1:" + port;
            await("OpenSearch on port " + port).atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("OpenSearch exited with " + process.exitValue() + "; see " + log);
                        }
                        return green(uri);
                    });
            return new OpenSearchServer(uri);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The node's class path: the jars the build copied into {@code target/opensearch-node/lib}
     * (the pom's execution "opensearch-node", before the tests compile); nothing is resolved here.
     */
    private static String classpath(Path folder) throws IOException {
        Path lib = folder.resolve("lib");
        try (Stream<Path> jars = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
            if (jars.noneMatch(jar -> jar.getFileName().toString().matches("opensearch-\\d.*\\.jar"))) {
                throw new IllegalStateException("the OpenSearch node's jars are not in " + lib
                        + "; the build copies them there (./mvnw test-compile)");
            }
        }
        return lib + File.separator + "*";
    }

    /** Whether the cluster answers and its health is green (a single node with no replicas). */
    private static boolean green(String uri) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(uri + "/_cluster/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("\"status\":\"green\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
