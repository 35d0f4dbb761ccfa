package org.playerdesk.system.secrets;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.secrets.*}: the keys stored secrets are sealed with.
 *
 * @param keys each key's id and its 32 bytes in base64; none: a key is made on first start and kept
 *        in {@code <data-dir>/secrets.key}
 * @param activeKey the key new values are sealed with (the only key may go unnamed)
 * @param rewriteOnStart whether every secret not sealed with the active key (plain values from before,
 *        values under an older key) is sealed anew at start-up
 * @param batchSize how many rows a rewrite reads at once
 */
@ConfigurationProperties("playerdesk.secrets")
public record SecretsProperties(Map<String, String> keys, String activeKey, Boolean rewriteOnStart,
        Integer batchSize) {

    public SecretsProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        activeKey = activeKey == null || activeKey.isBlank() ? null : activeKey.strip();
        rewriteOnStart = rewriteOnStart == null || rewriteOnStart;
        batchSize = batchSize == null || batchSize < 1 ? 200 : batchSize;
    }
}
