package org.playerdesk.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code playerdesk.*} settings. Each can also be given as an environment variable, for
 * example {@code PLAYERDESK_DATA_DIR}.
 *
 * @param dataDir where the embedded database, attachments and indexes live
 * @param demo whether to seed the demo workspace; unset means "on the embedded database only"
 * @param attachments limits on files sent with tickets
 * @param api limits on the game API
 */
@ConfigurationProperties("playerdesk")
public record PlayerDeskProperties(Path dataDir, Boolean demo, Attachments attachments, Api api) {

    public PlayerDeskProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        attachments = attachments == null ? new Attachments(null, null) : attachments;
        api = api == null ? new Api(null) : api;
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
