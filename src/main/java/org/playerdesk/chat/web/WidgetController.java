package org.playerdesk.chat.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.database.DatabaseKind;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Duration;

/** The widget's strings (Chinese and English, as JSON) and the demo page that embeds the widget. */
@Controller
class WidgetController {

    static final String DEMO_GAME = "demo";

    private final ChatRulebook rulebook;
    private final GameCatalog games;
    private final Clock clock;
    private final PlayerDeskProperties properties;
    private final DataSource dataSource;
    private volatile Boolean demoMode;

    WidgetController(ChatRulebook rulebook, GameCatalog games, Clock clock, PlayerDeskProperties properties,
            DataSource dataSource) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.rulebook = rulebook;
        this.games = games;
        this.clock = clock;
    }

    /** The {@code widget.*} keys of the chat bundle, without the prefix; {@code zh-CN} or {@code en}. */
    @GetMapping("/chat/i18n/{lang}.json")
    @ResponseBody
    ResponseEntity<Map<String, String>> strings(@PathVariable String lang) {
        Locale locale = lang.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ROOT : Locale.SIMPLIFIED_CHINESE;
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/chat", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> strings = new TreeMap<>();
        for (String key : bundle.keySet()) {
            if (key.startsWith("widget.")) {
                strings.put(key.substring("widget.".length()), bundle.getString(key));
            }
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(10))).body(strings);
    }

    /**
     * The demo game's page with the widget, for a demo player whose identity this server signs.
     * Only for the demo game, and only in demo mode ({@code playerdesk.demo}; unset: on the embedded
     * database): a real game signs on its own server, never in a page, and a game called "demo" in
     * a real installation must not have players signed in by anyone who opens this page.
     */
    @GetMapping("/chat/demo")
    String demo(@org.springframework.web.bind.annotation.RequestParam(required = false) String lang, Model model) {
        if (!demoMode()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("lang", "en".equals(lang) ? "en" : "zh-CN");
        GameInfo game = games.byCode(DEMO_GAME).orElse(null);
        ChatIdentity identity = game == null ? null : rulebook.signForDemo(game.id(), new ChatIdentity(DEMO_GAME,
                "demo-player-" + (clock.millis() / 1000 % 1000), "旅行者", 3, "S1", clock.millis() / 1000, null))
                .orElse(null);
        model.addAttribute("identity", identity);
        return "chat/demo";
    }

    private boolean demoMode() {
        Boolean known = demoMode;
        if (known == null) {
            known = properties.demo() != null ? properties.demo() : !DatabaseKind.isPostgres(dataSource);
            demoMode = known;
        }
        return known;
    }
}
