package org.playerdesk.mailbox.internal;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words around an agent's reply in an email, per game and language: a greeting, a signature
 * and a footer, edited by an administrator; until then the defaults of the bundle. {@code {player}},
 * {@code {agent}} and {@code {game}} are filled in.
 */
@Component
class MailTemplates {

    static final List<String> LANGUAGES = List.of("zh-CN", "en");

    private final MailStore store;
    private final MessageSource messages;
    private final Clock clock;

    MailTemplates(MailStore store, MessageSource messages, Clock clock) {
        this.store = store;
        this.messages = messages;
        this.clock = clock;
    }

    MailStore.Template of(UUID gameId, String language) {
        String tag = LANGUAGES.contains(language) ? language : "en";
        return store.template(gameId, tag).orElseGet(() -> defaults(tag));
    }

    MailStore.Template defaults(String language) {
        Locale locale = Locale.forLanguageTag(language);
        return new MailStore.Template(messages.getMessage("mailbox.template.greeting", null, locale),
                messages.getMessage("mailbox.template.signature", null, locale),
                messages.getMessage("mailbox.template.footer", null, locale));
    }

    void save(UUID gameId, String language, MailStore.Template template) {
        store.saveTemplate(gameId, language, template, clock.instant());
    }

    String wrap(UUID gameId, String language, String player, String agent, String game, String body) {
        MailStore.Template template = of(gameId, language);
        StringBuilder text = new StringBuilder();
        text.append(fill(template.greeting(), player, agent, game)).append("\n\n").append(body.strip()).append("\n\n")
                .append(fill(template.signature(), player, agent, game));
        if (!template.footer().isBlank()) {
            text.append("\n\n-- \n").append(fill(template.footer(), player, agent, game));
        }
        return text.toString();
    }

    private static String fill(String text, String player, String agent, String game) {
        return text.replace("{player}", player).replace("{agent}", agent == null ? "" : agent).replace("{game}", game)
                .strip();
    }
}
