package org.playerdesk.system.files;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code playerdesk.files.*} settings: where files are kept, and how to reach the store.
 *
 * @param store where new files are written and files are read: {@code local} (folders under
 *        {@code playerdesk.data-dir}, the default), {@code database} or {@code s3}
 * @param movingFrom while files are moved to {@code store}: the store they come from, read when
 *        {@code store} does not have a file yet; empty otherwise
 * @param migrate the migration command, {@code <from>:<to>} (for example {@code local:s3}): copy
 *        every file from one store to the other, then stop the application
 * @param s3 how to reach the S3-compatible object storage
 */
@ConfigurationProperties("playerdesk.files")
public record FilesProperties(Kind store, Kind movingFrom, String migrate, S3 s3) {

    public FilesProperties {
        store = store == null ? Kind.LOCAL : store;
        s3 = s3 == null ? new S3(null, null, null, null, null, null, null, null, null, null, null, null, null, null)
                : s3;
    }

    /** The kinds of store, as the settings name them. */
    public enum Kind {
        LOCAL, DATABASE, S3;

        /** The kind of a setting's value ({@code local}, {@code database}, {@code s3}), in any case. */
        public static Kind of(String name) {
            try {
                return valueOf(name.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("not a kind of file store: " + name
                        + " (local, database or s3)");
            }
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * S3-compatible object storage (AWS S3, MinIO, Ceph, Alibaba OSS…).
     *
     * @param bucket the bucket, which must exist
     * @param prefix put before every object's name, for example {@code playerdesk/}; empty by default
     * @param endpoint the service's address, for example {@code http://minio:9000}; empty means AWS
     *        S3 in {@code region}
     * @param region the signing region ({@code us-east-1} by default)
     * @param pathStyle address the bucket as a path ({@code http://host/bucket/key}) rather than as a
     *        host name; most S3-compatible servers need it
     * @param accessKey with {@code secretKey}: fixed credentials; without them, the AWS SDK's default
     *        chain (environment, profile, instance role)
     * @param secretKey the secret of {@code accessKey}
     * @param encryption server-side encryption of new objects: {@code none} (the default),
     *        {@code AES256} or {@code aws:kms}
     * @param kmsKeyId with {@code aws:kms}: the key; empty means the bucket's default key
     * @param presign answer downloads of attachments with a redirect to a short-lived presigned
     *        address instead of passing the content through PlayerDesk
     * @param presignFor how long a presigned address works
     * @param presignEndpoint the address browsers reach the storage by, when it differs from
     *        {@code endpoint}; empty means {@code endpoint}
     * @param connectTimeout how long to wait for a connection to the storage
     * @param callTimeout how long one call to the storage may take in all, retries included
     */
    public record S3(String bucket, String prefix, URI endpoint, String region, Boolean pathStyle, String accessKey,
            String secretKey, String encryption, String kmsKeyId, Boolean presign, Duration presignFor,
            URI presignEndpoint, Duration connectTimeout, Duration callTimeout) {

        public S3 {
            prefix = prefix == null ? "" : prefix;
            region = region == null || region.isBlank() ? "us-east-1" : region;
            pathStyle = pathStyle != null && pathStyle;
            encryption = encryption == null || encryption.isBlank() ? "none" : encryption;
            presign = presign != null && presign;
            presignFor = presignFor == null ? Duration.ofMinutes(5) : presignFor;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            callTimeout = callTimeout == null ? Duration.ofSeconds(60) : callTimeout;
        }
    }
}
