package org.playerdesk.chat.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatRulebook;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.time.Duration;

/** The widget's strings (Chinese and English, as JSON) and the demo page that embeds the widget. */
@Controller
class WidgetController {

    static final String DEMO_GAME = "demo";

    private final ChatRulebook rulebook;
    private final GameCatalog games;
    private final Clock clock;

    WidgetController(ChatRulebook rulebook, GameCatalog games, Clock clock) {
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
     * Only for the demo game: a real game signs on its own server, never in a page.
     */
    @GetMapping("/chat/demo")
    String demo(@org.springframework.web.bind.annotation.RequestParam(required = false) String lang, Model model) {
        model.addAttribute("lang", "en".equals(lang) ? "en" : "zh-CN");
        GameInfo game = games.byCode(DEMO_GAME).orElse(null);
        ChatIdentity identity = game == null ? null : rulebook.signForDemo(game.id(), new ChatIdentity(DEMO_GAME,
                "demo-player-" + (clock.millis() / 1000 % 1000), "旅行者", 3, "S1", clock.millis() / 1000, null))
                .orElse(null);
        model.addAttribute("identity", identity);
        return "chat/demo";
    }
}
