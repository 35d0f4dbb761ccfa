package org.playerdesk.demo;

import java.sql.Connection;

import javax.sql.DataSource;

import org.playerdesk.chat.ChatDesk;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.PlayerDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Live chat for the demo game: a chat secret (so that {@code /chat/demo} can sign its demo
 * player) and guests allowed. Under the same conditions as the demo workspace, after it; once.
 */
@Component
@Order(10)
class ChatDemo implements ApplicationRunner {

    static final String SECRET = "demo-chat-secret-not-for-production";

    private static final Logger log = LoggerFactory.getLogger(ChatDemo.class);

    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private final GameCatalog games;
    private final ChatDesk chat;

    ChatDemo(PlayerDeskProperties properties, DataSource dataSource, GameCatalog games, ChatDesk chat) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.games = games;
        this.chat = chat;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        boolean embedded;
        try (Connection connection = dataSource.getConnection()) {
            embedded = connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        boolean wanted = properties.demo() != null ? properties.demo() : embedded;
        games.byCode(DemoWorkspace.GAME).filter(game -> wanted && !chat.rules(game.id()).secretSet())
                .ifPresent(game -> {
                    chat.configure(game.id(), SECRET, true, null, null, "Asia/Shanghai", 300);
                    log.info("Demo data: live chat of the demo game set up; try it at /chat/demo");
                });
    }
}
