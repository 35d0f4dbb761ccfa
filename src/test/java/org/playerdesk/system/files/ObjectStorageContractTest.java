package org.playerdesk.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.springframework.transaction.PlatformTransactionManager;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The file store's promises, kept by an S3-compatible server (S3Mock, a process of its own), and
 * what only object storage does: server-side encryption and presigned download links.
 */
class ObjectStorageContractTest extends FileStoreContract {

    static final S3MockServer server = S3MockServer.shared();

    String bucket;
    ObjectStorage storage;

    @BeforeEach
    void setUp() {
        bucket = TestWorkspace.unique("files").toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        server.createBucket(bucket);
        storage = new ObjectStorage(server.settings(bucket, "desk/"), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Override
    FileStores stores() {
        return storage;
    }

    @Override
    PlatformTransactionManager transactions() {
        return new NoResources();
    }

    @Test
    void keepsEachFileAsAnObjectUnderThePrefixAndAreaWithItsFingerprint() {
        StoredFile stored = area().put(new ByteArrayInputStream(CONTENT));

        try (S3Client client = server.client()) {
            HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key("desk/files/" + stored.key()));
            assertThat(head.contentLength()).isEqualTo(CONTENT.length);
            assertThat(head.metadata()).containsEntry("sha256", stored.sha256());
        }
    }

    @Test
    void encryptsNewObjectsOnTheServerWhenAsked() {
        FilesProperties.S3 plain = server.settings(bucket, "");
        for (String encryption : new String[] { "AES256", "aws:kms" }) {
            FilesProperties.S3 settings = new FilesProperties.S3(bucket, "", plain.endpoint(), plain.region(), true,
                    S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY, encryption, S3MockServer.KMS_KEY, null, null,
                    null, null, null);
            try (ObjectStorage encrypted = new ObjectStorage(settings, Clock.systemUTC());
                    S3Client client = server.client()) {
                StoredFile stored = encrypted.area("files").put(new ByteArrayInputStream(CONTENT));

                HeadObjectResponse head = client.headObject(b -> b.bucket(bucket).key("files/" + stored.key()));
                assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.fromValue(encryption));
                assertThat(encrypted.area("files").get(stored.key())).isPresent();
            }
        }
    }

    @Test
    void presignedLinksAnswerWithTheTypeAndDispositionTheyWereMadeWith() throws Exception {
        FilesProperties.S3 plain = server.settings(bucket, "");
        FilesProperties.S3 settings = new FilesProperties.S3(bucket, "", plain.endpoint(), plain.region(), true,
                S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY, null, null, true, null, null, null, null);
        try (ObjectStorage linked = new ObjectStorage(settings, Clock.systemUTC());
                HttpClient http = HttpClient.newHttpClient()) {
            StoredFile stored = linked.area("files").put(new ByteArrayInputStream(CONTENT));
            DirectDownload file = (DirectDownload) linked.area("files").get(stored.key()).orElseThrow();

            java.net.URI link = file.link("text/plain;charset=UTF-8",
                    "attachment; filename*=UTF-8''%E6%97%A5%E5%BF%97.txt");
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(link).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(link.getQuery()).contains("X-Amz-Signature=", "X-Amz-Expires=300");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(CONTENT);
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
            assertThat(answer.headers().firstValue("Content-Disposition"))
                    .hasValue("attachment; filename*=UTF-8''%E6%97%A5%E5%BF%97.txt");
        }
    }

    @Test
    void aStorageThatCannotBeReachedIsUnavailable() {
        FilesProperties.S3 plain = server.settings(bucket, "");
        java.net.URI closed = java.net.URI.create("http://127.0.0.1:" + S3MockServer.freePort());
        FilesProperties.S3 settings = new FilesProperties.S3(bucket, "", closed, plain.region(), true,
                S3MockServer.ACCESS_KEY, S3MockServer.SECRET_KEY, null, null, null, null, null, null, null);
        try (ObjectStorage down = new ObjectStorage(settings, Clock.systemUTC())) {
            FileStore files = down.area("files");

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> files.put(new ByteArrayInputStream(CONTENT)))
                    .isInstanceOf(FilesUnavailable.class).hasMessageContaining(bucket);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> files.get("2026/05/x"))
                    .isInstanceOf(FilesUnavailable.class);
        }
    }
}
