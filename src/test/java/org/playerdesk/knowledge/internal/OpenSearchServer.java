package org.playerdesk.knowledge.internal;

import static org.awaitility.Awaitility.await;

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
 * run as a process of its own (its Lucene is not the application's), from the jars of
 * {@code src/test/opensearch/pom.xml} (resolved by the Maven wrapper into the local repository on
 * first use, from Maven Central) and {@code src/test/opensearch/OpenSearchTestNode.java}, with
 * the Netty transport and the analysis-common module, on a free port of 127.0.0.1, its data
 * under {@code target/opensearch-node}. It stops with the test JVM.
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
            String classpath = classpath(base, folder);
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The node's class path: written by {@code dependency:build-classpath} of the node's pom,
     * again only when the pom changed. Offline first (the jars are usually there), then online.
     */
    private static String classpath(Path base, Path folder) throws IOException, InterruptedException {
        Path pom = base.resolve("src/test/opensearch/pom.xml");
        Path file = folder.resolve("classpath.txt");
        if (!Files.isRegularFile(file) || Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(pom)) < 0) {
            Files.createDirectories(folder);
            if (!resolve(base, pom, file, true) && !resolve(base, pom, file, false)) {
                throw new IllegalStateException("could not resolve the OpenSearch node's jars; see "
                        + folder.resolve("resolve.log"));
            }
        }
        return Files.readString(file).strip();
    }

    private static boolean resolve(Path base, Path pom, Path file, boolean offline) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(base.resolve("mvnw").toString(), "-B", "-q", "-f",
                pom.toString(), "dependency:build-classpath", "-Dmdep.outputFile=" + file));
        if (offline) {
            command.add("-o");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                .redirectOutput(file.resolveSibling("resolve.log").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start().waitFor() == 0 && Files.isRegularFile(file);
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
