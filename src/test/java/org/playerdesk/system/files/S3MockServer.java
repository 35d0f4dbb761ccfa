package org.playerdesk.system.files;

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

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * Adobe's S3Mock, a real S3-compatible server, run as a process of its own for the tests (its
 * Spring Boot is not the application's), once per test run, on a free port of 127.0.0.1, keeping
 * its objects in a temporary folder. The build copies its runnable jar to {@code target/s3mock}.
 */
public final class S3MockServer {

    /** The key S3Mock accepts for {@code aws:kms} encryption, named by its id (its ARN is {@link #KMS_KEY_ARN}). */
    public static final String KMS_KEY = "playerdesk-test";
    public static final String KMS_KEY_ARN = "arn:aws:kms:us-east-1:000000000000:key/" + KMS_KEY;
    public static final String ACCESS_KEY = "playerdesk";
    public static final String SECRET_KEY = "playerdesk-secret";

    private static S3MockServer shared;

    private final Process process;
    private final int port;

    private S3MockServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The one server of this test run, started on first use and stopped when the tests end. */
    public static synchronized S3MockServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared.process::destroy));
        }
        return shared;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /**
     * Makes a bucket of this name, as an operator would before pointing PlayerDesk at it; one
     * made before (by an earlier test context of the same run) is kept.
     */
    public void createBucket(String bucket) {
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException | BucketAlreadyExistsException made) {
            // there already
        }
    }

    /** A client of its own, to look at what PlayerDesk stored. */
    public S3Client client() {
        return S3Client.builder().region(Region.US_EAST_1).endpointOverride(endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
    }

    /** The settings of a store in this bucket, path-style, with fixed credentials. */
    public FilesProperties.S3 settings(String bucket, String prefix) {
        return new FilesProperties.S3(bucket, prefix, endpoint(), "us-east-1", true, ACCESS_KEY, SECRET_KEY, null,
                null, null, null, null, null, null);
    }

    private static S3MockServer start() {
        Path jar = Path.of(System.getProperty("playerdesk.s3mock.jar", "target/s3mock/s3mock.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; the build copies it there (mvn process-test-resources)");
        }
        int port = freePort();
        try {
            Path root = Files.createTempDirectory("s3mock-");
            Path log = jar.resolveSibling("s3mock-" + port + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-jar", jar.toString(),
                    "--com.adobe.testing.s3mock.http-port=" + port,
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--com.adobe.testing.s3mock.store.valid-kms-keys=" + KMS_KEY_ARN,
                    "--logging.level.root=warn")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            Process process = builder.start();
            S3MockServer server = new S3MockServer(process, port);
            await("S3Mock on port " + port).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("S3Mock exited with " + process.exitValue() + "; see " + log);
                        }
                        return answers(port);
                    });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server lists its buckets: up and serving, not only listening. */
    private static boolean answers(int port) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build()) {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
