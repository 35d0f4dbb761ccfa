package org.playerdesk.telephony.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.system.errors.InvalidInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.playerdesk.system.secrets.SecretColumn;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators set for the CTI webhook: each game's shared secret (kept in clear, as the
 * game connector's, because requests are checked with it; never logged, never shown again once
 * set) and which agent each telephone extension rings.
 */
@Component
class CtiSettings {

    static final int SECRET_MIN = 32;
    static final int SECRET_MAX = 200;
    static final int EXTENSION_MAX = 32;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    private final Secrets secrets;

    CtiSettings(JdbcTemplate jdbc, Clock clock, Secrets secrets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** Each game's CTI secret is sealed at rest. */
    @Bean
    static SecretColumn ctiSecret() {
        return new SecretColumn("telephony_cti_secret", "game_id", "secret");
    }

    Optional<String> secret(UUID gameId) {
        return jdbc.queryForList("select secret from telephony_cti_secret where game_id = ?", String.class, gameId)
                .stream().findFirst().map(secrets::open);
    }

    boolean hasSecret(UUID gameId) {
        return secret(gameId).isPresent();
    }

    /** Sets the game's secret: the one given (at least 32 characters) or, when none is given, a new random one. */
    @Transactional
    String setSecret(UUID gameId, String given, UUID by) {
        String secret = given == null || given.isBlank() ? HexFormat.of().formatHex(randomBytes()) : given.strip();
        if (secret.length() < SECRET_MIN || secret.length() > SECRET_MAX || secret.chars().anyMatch(Character::isWhitespace)) {
            throw InvalidInput.of("secret", "invalid.phone.secret", SECRET_MIN, SECRET_MAX);
        }
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update telephony_cti_secret set secret = ?, changed_at = ?, changed_by = ? where game_id = ?",
                secrets.seal(secret), now, by, gameId) == 0) {
            jdbc.update("insert into telephony_cti_secret (game_id, secret, changed_at, changed_by) values (?, ?, ?, ?)",
                    gameId, secrets.seal(secret), now, by);
        }
        return secret;
    }

    /** The agent an extension rings. */
    Optional<UUID> agentOf(String extension) {
        return jdbc.queryForList("select staff_id from telephony_extension where extension = ?", UUID.class,
                extension).stream().findFirst();
    }

    /** Extensions and their agents, by extension. */
    Map<String, UUID> extensions() {
        Map<String, UUID> all = new LinkedHashMap<>();
        jdbc.query("select extension, staff_id from telephony_extension order by extension",
                (org.springframework.jdbc.core.RowCallbackHandler) row -> all.put(row.getString(1),
                        row.getObject(2, UUID.class)));
        return all;
    }

    /** The extension rings this agent from now on (the one it rang before no longer). */
    @Transactional
    void mapExtension(String extension, UUID staffId) {
        String written = extension == null ? "" : extension.strip();
        if (!written.matches("[0-9A-Za-z*#_.-]{1," + EXTENSION_MAX + "}")) {
            throw InvalidInput.of("extension", "invalid.phone.extension", EXTENSION_MAX);
        }
        jdbc.update("delete from telephony_extension where extension = ?", written);
        jdbc.update("insert into telephony_extension (extension, staff_id) values (?, ?)", written, staffId);
    }

    @Transactional
    void unmapExtension(String extension) {
        jdbc.update("delete from telephony_extension where extension = ?", extension);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return bytes;
    }
}
