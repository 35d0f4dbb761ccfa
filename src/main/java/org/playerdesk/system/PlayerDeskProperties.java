package org.playerdesk.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * The {@code playerdesk.*} settings. Each can also be given as an environment variable, for
 * example {@code PLAYERDESK_DATA_DIR}.
 *
 * @param dataDir where the embedded database, attachments and indexes live
 * @param demo whether to seed the demo workspace; unset means "on the embedded database only"
 * @param attachments limits on files sent with tickets
 * @param api limits on the game API
 * @param retryAfter what a 503 answer asks the caller to wait (Retry-After) when the database
 *        cannot be reached
 */
@ConfigurationProperties("playerdesk")
public record PlayerDeskProperties(Path dataDir, Boolean demo, Attachments attachments, Api api, Duration retryAfter) {

    @ConstructorBinding
    public PlayerDeskProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        retryAfter = retryAfter == null ? Duration.ofSeconds(5) : retryAfter;
        attachments = attachments == null ? new Attachments(null, null) : attachments;
        api = api == null ? new Api(null) : api;
    }

    public PlayerDeskProperties(Path dataDir, Boolean demo, Attachments attachments, Api api) {
        this(dataDir, demo, attachments, api, null);
    }

    /**
     * @param maxSize the largest file accepted
     * @param maxPerMessage how many files one reply may carry
     */
    public record Attachments(DataSize maxSize, Integer maxPerMessage) {
        public Attachments {
            maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
            maxPerMessage = maxPerMessage == null ? 5 : maxPerMessage;
        }
    }

    /** @param maxBody the largest JSON body the game API accepts */
    public record Api(DataSize maxBody) {
        public Api {
            maxBody = maxBody == null ? DataSize.ofKilobytes(256) : maxBody;
        }
    }
}
