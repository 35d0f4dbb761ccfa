package org.playerdesk.chat.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.chat.ChatSurvey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The question a game asks when its live chat ends, from the {@link ChatSurvey} bean; without one,
 * a question with no words of its own (the widget's) and no reasons, so that chats are still rated.
 */
@Component
public class EndQuestion {

    private static final ChatSurvey.Question WIDGETS_OWN = new ChatSurvey.Question(null, List.of());

    private final ObjectProvider<ChatSurvey> surveys;

    EndQuestion(ObjectProvider<ChatSurvey> surveys) {
        this.surveys = surveys;
    }

    /** The game's question in this language; empty when the game does not ask at the end of its chats. */
    public Optional<ChatSurvey.Question> of(UUID gameId, Locale locale) {
        ChatSurvey survey = surveys.getIfAvailable();
        return survey == null ? Optional.of(WIDGETS_OWN) : survey.question(gameId, locale);
    }
}
