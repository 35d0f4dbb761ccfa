package org.playerdesk.demo;

import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Clock;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.chat.ChatRules;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.PlayerDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Live chat for the demo game: a chat secret of its own, random (so that {@code /chat/demo} can sign its demo
 * player) and guests allowed, and a new player (10006) waiting in the queue for an agent to take
 * the chat (if nobody does within the game's wait, it becomes a ticket). Under the same
 * conditions as the demo workspace, after it; once.
 */
@Component
@Order(10)
class ChatDemo implements ApplicationRunner {


    private static final Logger log = LoggerFactory.getLogger(ChatDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final ChatDesk chat;
    private final ChatRulebook rulebook;
    private final Clock clock;

    ChatDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, ChatDesk chat,
            ChatRulebook rulebook, Clock clock) {
        this.clock = clock;
        this.rulebook = rulebook;
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.chat = chat;
    }

    /**
     * The demo game's chat secret: random, one per installation, known to nobody (only this server
     * signs the demo's players), so that no published secret signs players of any installation.
     */
    /**
     * A game "demo" still signing with the published secret (an installation seeded by an earlier
     * version) gets a random one, its other chat settings kept: anyone could sign its players.
     */
    void replacePublishedSecret(GameInfo game) {
        ChatIdentity probe = new ChatIdentity(game.code(), "probe", null, null, null, 0L, null);
        String published = probe.signedWith(PUBLISHED_SECRET).signature();
        if (rulebook.signForDemo(game.id(), probe).map(ChatIdentity::signature).filter(published::equals).isPresent()) {
            ChatRules rules = rulebook.rules(game.id());
            rulebook.configure(game.id(), newSecret(), rules.guestsAllowed(), rules.hoursFrom(), rules.hoursTo(),
                    rules.timeZone(), rules.maxWaitSeconds(), null);
            log.warn("Demo data: the demo game's chat secret was the published one; it is now a random one");
        }
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The secret earlier versions gave every demo game, published with the code. */
    static final String PUBLISHED_SECRET = "demo-chat-secret-not-for-production";

    @Override
    public void run(ApplicationArguments args) throws Exception {
        games.byCode(DemoWorkspace.GAME).ifPresent(this::replacePublishedSecret);
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        boolean wanted = properties.demo() != null ? properties.demo() : embedded;
        games.byCode(DemoWorkspace.GAME).filter(game -> wanted && !rulebook.rules(game.id()).secretSet())
                .ifPresent(game -> {
                    rulebook.configure(game.id(), newSecret(), true, null, null, "Asia/Shanghai", 300);
                    rulebook.signForDemo(game.id(), new ChatIdentity(game.code(), "10006", "咸鱼翻身", 0, "一区·青龙",
                            clock.instant().getEpochSecond(), null)).ifPresent(player -> chat.start(game.code(), player,
                                    null, "demo-chat-1", "你好，新手任务“寻找铁匠”找不到NPC，地图上也没有标记，怎么办？"));
                    log.info("Demo data: live chat of the demo game set up, one player waiting; try it at /chat/demo");
                });
    }
}
