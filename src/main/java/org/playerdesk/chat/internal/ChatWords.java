package org.playerdesk.chat.internal;

import java.util.Locale;
import java.util.Map;

import org.playerdesk.chat.ChatRefused;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.locale.Locales;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * The words of a refusal over the chat's connection, in the language of whoever opened it: the
 * language is read when the connection is opened (the console's choice for an agent,
 * Accept-Language for a player) and kept with the connection.
 */
@Component
class ChatWords {

    static final String LOCALE = "playerdesk.locale";

    private final ErrorTexts texts;

    ChatWords(ErrorTexts texts) {
        this.texts = texts;
    }

    /** The language of the request opening a connection, to keep among its attributes. */
    static void remember(Map<String, Object> attributes) {
        attributes.put(LOCALE, Locales.supported(LocaleContextHolder.getLocale().toLanguageTag()));
    }

    /** The language kept with the connection a message came on. */
    static Locale locale(Message<?> message) {
        Map<String, Object> attributes = message == null ? null
                : SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
        return attributes != null && attributes.get(LOCALE) instanceof Locale locale ? locale : Locales.DEFAULT;
    }

    /** What a refusal says, as one line. */
    String text(Throwable refusal, Locale locale) {
        return switch (refusal) {
            case ChatRefused r -> texts.message("error." + r.code(), locale, r.arguments().toArray());
            case RuleViolation r -> texts.text(r, locale);
            case InvalidInput i -> texts.summary(i, locale);
            case NotFoundException n -> texts.message("problem.notFound", locale);
            default -> texts.message("error.chat.failed", locale);
        };
    }
}
