package org.playerdesk.social.internal;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.net.OutboundAddresses;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.playerdesk.system.secrets.SecretColumn;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The social sources administrators configure per game. What each platform needs is checked
 * field by field: a generic source its secret; a WeChat account its push token (and AppID and
 * AppSecret to answer); a Discord application its id and public key (and a bot token for channel
 * messages). A blank credential on a change keeps the stored one.
 */
@Service
@Transactional
public class SocialSources {

    private final JdbcClient jdbc;
    private final GameCatalog games;
    private final Clock clock;
    private final OutboundAddresses outbound;

    private final Secrets secrets;

    SocialSources(JdbcClient jdbc, GameCatalog games, Clock clock, OutboundAddresses outbound, Secrets secrets) {
        this.outbound = outbound;
        this.jdbc = jdbc;
        this.games = games;
        this.clock = clock;
        this.secrets = secrets;
    }

    /** A source's secret (or push token) and its app secret (or bot token) are sealed at rest. */
    @Bean
    static SecretColumn socialSourceSecret() {
        return new SecretColumn("social_source", "id", "secret");
    }

    @Bean
    static SecretColumn socialSourceAppSecret() {
        return new SecretColumn("social_source", "id", "app_secret");
    }

    /** What an administrator types; blank credentials keep the stored ones on a change. */
    public record Form(UUID gameId, String name, String platform, String secret, String appId, String appSecret,
            String publicKey, String moderationUrl, boolean enabled) {
    }

    public Source create(Form form) {
        Form f = tidy(form);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (f.gameId() == null || games.all().stream().noneMatch(g -> g.id().equals(f.gameId()))) {
            errors.add(new InvalidInput.FieldError("game", "invalid.required"));
        }
        Platform platform = platform(f.platform(), errors);
        check(f, platform, null, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        UUID id = Ids.next();
        jdbc.sql("""
                insert into social_source (id, game_id, name, platform, secret, app_id, app_secret, public_key,
                    moderation_url, enabled, created_at)
                values (:id, :game, :name, :platform, :secret, :appId, :appSecret, :publicKey, :moderation, :enabled, :now)
                """).param("id", id).param("game", f.gameId()).param("name", f.name())
                .param("platform", platform.code()).param("secret", secrets.seal(f.secret())).param("appId", f.appId())
                .param("appSecret", secrets.seal(f.appSecret())).param("publicKey", lower(f.publicKey()))
                .param("moderation", f.moderationUrl()).param("enabled", f.enabled())
                .param("now", java.sql.Timestamp.from(clock.instant())).update();
        return get(id);
    }

    public Source update(UUID id, Form form) {
        Source old = get(id);
        Form f = tidy(form);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        check(f, old.platform(), old, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        jdbc.sql("""
                update social_source set name = :name, secret = coalesce(:secret, secret), app_id = :appId,
                    app_secret = coalesce(:appSecret, app_secret), public_key = coalesce(:publicKey, public_key),
                    moderation_url = :moderation, enabled = :enabled
                where id = :id
                """).param("id", id).param("name", f.name()).param("secret", secrets.seal(f.secret())).param("appId", f.appId())
                .param("appSecret", secrets.seal(f.appSecret())).param("publicKey", lower(f.publicKey()))
                .param("moderation", f.moderationUrl()).param("enabled", f.enabled()).update();
        return get(id);
    }

    @Transactional(readOnly = true)
    public Source get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("social source", id));
    }

    @Transactional(readOnly = true)
    public Optional<Source> find(UUID id) {
        return jdbc.sql("select * from social_source where id = :id").param("id", id).query(this::row)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<Source> all() {
        return jdbc.sql("select * from social_source order by name, id").query(this::row).list();
    }

    private Source row(ResultSet rs, int n) throws SQLException {
        return new Source(rs.getObject("id", UUID.class), rs.getObject("game_id", UUID.class), rs.getString("name"),
                Platform.of(rs.getString("platform")), secrets.open(rs.getString("secret")), rs.getString("app_id"),
                secrets.open(rs.getString("app_secret")), rs.getString("public_key"), rs.getString("moderation_url"),
                rs.getBoolean("enabled"));
    }

    private void check(Form f, Platform platform, Source old, List<InvalidInput.FieldError> errors) {
        if (f.name() == null) {
            errors.add(new InvalidInput.FieldError("name", "invalid.blank"));
        } else if (f.name().length() > 100) {
            errors.add(new InvalidInput.FieldError("name", "invalid.tooLong", 100));
        }
        if (platform == null) {
            return;
        }
        boolean hasSecret = f.secret() != null || (old != null && old.secret() != null);
        switch (platform) {
            case GENERIC -> {
                if (!hasSecret) {
                    errors.add(new InvalidInput.FieldError("secret", "invalid.blank"));
                } else if (f.secret() != null && f.secret().length() < 16) {
                    errors.add(new InvalidInput.FieldError("secret", "invalid.social.secretShort", 16));
                }
                if (f.moderationUrl() != null && !web(f.moderationUrl())) {
                    errors.add(new InvalidInput.FieldError("moderationUrl", "invalid.social.url"));
                } else if (f.moderationUrl() != null) {
                    outbound.refusal(f.moderationUrl())
                            .ifPresent(key -> errors.add(new InvalidInput.FieldError("moderationUrl", key)));
                }
            }
            case WECHAT -> {
                // the push token: 3 to 32 letters and digits, as the WeChat console allows
                if (!hasSecret) {
                    errors.add(new InvalidInput.FieldError("secret", "invalid.blank"));
                } else if (f.secret() != null && !f.secret().matches("[A-Za-z0-9]{3,32}")) {
                    errors.add(new InvalidInput.FieldError("secret", "invalid.social.wechatToken"));
                }
            }
            case DISCORD -> {
                if (f.appId() == null || !f.appId().matches("\\d{5,30}")) {
                    errors.add(new InvalidInput.FieldError("appId", "invalid.social.discordId"));
                }
                boolean hasKey = f.publicKey() != null || (old != null && old.publicKey() != null);
                if (!hasKey) {
                    errors.add(new InvalidInput.FieldError("publicKey", "invalid.blank"));
                } else if (f.publicKey() != null && !f.publicKey().matches("[0-9a-fA-F]{64}")) {
                    errors.add(new InvalidInput.FieldError("publicKey", "invalid.social.publicKey"));
                }
            }
        }
        if (f.secret() != null && f.secret().length() > 100) {
            errors.add(new InvalidInput.FieldError("secret", "invalid.tooLong", 100));
        }
        if (f.appId() != null && f.appId().length() > 100) {
            errors.add(new InvalidInput.FieldError("appId", "invalid.tooLong", 100));
        }
        if (f.appSecret() != null && f.appSecret().length() > 200) {
            errors.add(new InvalidInput.FieldError("appSecret", "invalid.tooLong", 200));
        }
        if (f.moderationUrl() != null && f.moderationUrl().length() > 500) {
            errors.add(new InvalidInput.FieldError("moderationUrl", "invalid.tooLong", 500));
        }
    }

    static boolean web(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Platform platform(String code, List<InvalidInput.FieldError> errors) {
        try {
            return Platform.of(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new InvalidInput.FieldError("platform", "invalid.required"));
            return null;
        }
    }

    private static Form tidy(Form f) {
        return new Form(f.gameId(), blank(f.name()), blank(f.platform()), blank(f.secret()), blank(f.appId()),
                blank(f.appSecret()), blank(f.publicKey()), blank(f.moderationUrl()), f.enabled());
    }

    private static String lower(String hex) {
        return hex == null ? null : HexFormat.of().formatHex(HexFormat.of().parseHex(hex));
    }

    static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
