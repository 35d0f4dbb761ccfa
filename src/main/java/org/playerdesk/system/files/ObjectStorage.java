package org.playerdesk.system.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph, Alibaba OSS…), shared by every node: an
 * object per file, named {@code <prefix><area>/<key>}, with its SHA-256 in the metadata. An
 * upload's length must be known before it is sent, so the content is first written to a
 * temporary file (hashed on the way), then uploaded from it in one request with its
 * {@code Content-MD5}, which the storage checks; a file is in the bucket whole or not at all.
 * A storage that cannot be reached, or refuses the credentials, is {@link FilesUnavailable}.
 */
class ObjectStorage implements FileStores, AutoCloseable {

    /** The SHA-256 of the content, as object metadata ({@code x-amz-meta-sha256}). */
    static final String SHA256 = "sha256";

    private final FilesProperties.S3 settings;
    private final Clock clock;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final ServerSideEncryption encryption;

    ObjectStorage(FilesProperties.S3 settings, Clock clock) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalStateException("playerdesk.files.s3.bucket is needed to keep files in object storage");
        }
        this.settings = settings;
        this.clock = clock;
        this.encryption = encryption(settings.encryption());
        AwsCredentialsProvider credentials = credentials(settings);
        S3Configuration addressing = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
        var client = S3Client.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(addressing)
                // S3-compatible servers do not all know the newer checksums the SDK sends by default
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .httpClientBuilder(Apache5HttpClient.builder().connectionTimeout(settings.connectTimeout()))
                .overrideConfiguration(o -> o.apiCallTimeout(settings.callTimeout()));
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint());
        }
        this.s3 = client.build();
        if (settings.presign()) {
            var links = S3Presigner.builder()
                    .region(Region.of(settings.region()))
                    .credentialsProvider(credentials)
                    .serviceConfiguration(addressing);
            URI endpoint = settings.presignEndpoint() != null ? settings.presignEndpoint() : settings.endpoint();
            if (endpoint != null) {
                links.endpointOverride(endpoint);
            }
            this.presigner = links.build();
        } else {
            this.presigner = null;
        }
    }

    @Override
    public Prefix area(String name) {
        return new Prefix(name);
    }

    @Override
    public void close() {
        s3.close();
        if (presigner != null) {
            presigner.close();
        }
    }

    @Override
    public String toString() {
        return "bucket " + settings.bucket() + (settings.endpoint() == null ? " of AWS S3 in " + settings.region()
                : " at " + settings.endpoint()) + (settings.prefix().isEmpty() ? "" : ", prefix " + settings.prefix());
    }

    /** One area's objects: those whose names start with {@code <prefix><area>/}. */
    final class Prefix extends Area {

        private final String prefix;

        private Prefix(String name) {
            super(name, clock);
            this.prefix = settings.prefix() + name + "/";
        }

        @Override
        StoredFile write(String key, InputStream content) {
            String object = prefix + checkKey(key);
            Path spooled = null;
            try {
                spooled = Files.createTempFile("playerdesk-upload-", ".part");
                MessageDigest sha256 = Fingerprint.sha256();
                MessageDigest md5 = md5();
                long size = 0;
                try (OutputStream out = Files.newOutputStream(spooled)) {
                    byte[] chunk = new byte[64 * 1024];
                    for (int read = read(content, chunk); read != -1; read = read(content, chunk)) {
                        sha256.update(chunk, 0, read);
                        md5.update(chunk, 0, read);
                        out.write(chunk, 0, read);
                        size += read;
                    }
                }
                StoredFile file = new StoredFile(key, size, Fingerprint.hex(sha256));
                PutObjectRequest.Builder put = PutObjectRequest.builder()
                        .bucket(settings.bucket())
                        .key(object)
                        .contentLength(size)
                        .contentMD5(Base64.getEncoder().encodeToString(md5.digest()))
                        .contentType("application/octet-stream")
                        .metadata(Map.of(SHA256, file.sha256()));
                if (encryption != null) {
                    put.serverSideEncryption(encryption);
                    if (encryption == ServerSideEncryption.AWS_KMS && settings.kmsKeyId() != null
                            && !settings.kmsKeyId().isBlank()) {
                        put.ssekmsKeyId(settings.kmsKeyId());
                    }
                }
                s3.putObject(put.build(), RequestBody.fromFile(spooled));
                return file;
            } catch (SdkException e) {
                throw unavailable("cannot store a file in", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot keep an upload in a temporary file", e);
            } finally {
                if (spooled != null) {
                    deleteQuietly(spooled);
                }
            }
        }

        @Override
        public Optional<Resource> get(String key) {
            String object = prefix + checkKey(key);
            Optional<HeadObjectResponse> head = head(object);
            if (head.isEmpty()) {
                return Optional.empty();
            }
            long length = head.get().contentLength();
            String description = "object " + object + " of bucket " + settings.bucket();
            StoredContent.Opener opener = () -> {
                try {
                    return s3.getObject(GetObjectRequest.builder().bucket(settings.bucket()).key(object).build());
                } catch (NoSuchKeyException e) {
                    throw new IOException(description + " is gone", e);
                } catch (SdkException e) {
                    throw unavailable("cannot read a file of", e);
                }
            };
            if (presigner == null) {
                return Optional.of(new StoredContent(description, length, opener));
            }
            return Optional.of(new StoredContent.Linked(description, length, opener,
                    (type, disposition) -> presign(object, type, disposition)));
        }

        @Override
        public boolean exists(String key) {
            return head(prefix + checkKey(key)).isPresent();
        }

        @Override
        public boolean delete(String key) {
            String object = prefix + checkKey(key);
            try {
                if (head(object).isEmpty()) {
                    return false;
                }
                s3.deleteObject(b -> b.bucket(settings.bucket()).key(object));
                return true;
            } catch (SdkException e) {
                throw unavailable("cannot delete a file of", e);
            }
        }

        @Override
        Stream<String> keys() {
            try {
                return s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix)).contents().stream()
                        .map(S3Object::key)
                        .map(object -> object.substring(prefix.length()));
            } catch (SdkException e) {
                throw unavailable("cannot list the files of", e);
            }
        }

        private Optional<HeadObjectResponse> head(String object) {
            try {
                return Optional.of(s3.headObject(b -> b.bucket(settings.bucket()).key(object)));
            } catch (NoSuchKeyException e) {
                return Optional.empty();
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return Optional.empty();
                }
                throw unavailable("cannot look up a file of", e);
            } catch (SdkException e) {
                throw unavailable("cannot look up a file of", e);
            }
        }

        private URI presign(String object, String contentType, String contentDisposition) {
            try {
                return presigner.presignGetObject(p -> p.signatureDuration(settings.presignFor())
                        .getObjectRequest(g -> g.bucket(settings.bucket()).key(object)
                                .responseContentType(contentType)
                                .responseContentDisposition(contentDisposition)
                                .responseCacheControl("private, no-store")))
                        .url().toURI();
            } catch (URISyntaxException e) {
                throw new IllegalStateException("the presigned address of " + object + " is not a URI", e);
            }
        }

        private FilesUnavailable unavailable(String what, SdkException e) {
            return new FilesUnavailable(what + " bucket " + settings.bucket() + ": " + e.getMessage(), e);
        }
    }

    /** Reads from the sender; a sender that fails is not the store's failure. */
    private static int read(InputStream content, byte[] chunk) {
        try {
            return content.read(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the file to store", e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system's clean-up of its temporary folder takes it
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private static ServerSideEncryption encryption(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "none", "" -> null;
            case "aes256" -> ServerSideEncryption.AES256;
            case "aws:kms" -> ServerSideEncryption.AWS_KMS;
            default -> throw new IllegalStateException(
                    "playerdesk.files.s3.encryption is none, AES256 or aws:kms, not " + setting);
        };
    }

    private static AwsCredentialsProvider credentials(FilesProperties.S3 settings) {
        boolean hasKey = settings.accessKey() != null && !settings.accessKey().isBlank();
        boolean hasSecret = settings.secretKey() != null && !settings.secretKey().isBlank();
        if (hasKey != hasSecret) {
            throw new IllegalStateException(
                    "playerdesk.files.s3.access-key and secret-key go together: set both, or neither");
        }
        return hasKey ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(),
                settings.secretKey())) : DefaultCredentialsProvider.builder().build();
    }
}
