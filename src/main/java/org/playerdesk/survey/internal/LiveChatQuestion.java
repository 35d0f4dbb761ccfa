package org.playerdesk.survey.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.chat.ChatSurvey;
import org.playerdesk.survey.SurveyChannel;
import org.springframework.stereotype.Component;

/**
 * The game's survey as the live chat widget asks it when a chat ends: the game's question and the
 * reasons it offers, in the player's language; nothing when the game's surveys do not ask in live
 * chat. The rating that follows is the survey's answer ({@link Asking}).
 */
@Component
class LiveChatQuestion implements ChatSurvey {

    private final SurveySettingsStore settings;
    private final Invitations invitations;

    LiveChatQuestion(SurveySettingsStore settings, Invitations invitations) {
        this.settings = settings;
        this.invitations = invitations;
    }

    @Override
    public Optional<Question> question(UUID gameId, Locale locale) {
        SurveySettings game = settings.of(gameId);
        if (!game.asks(SurveyChannel.LIVE_CHAT)) {
            return Optional.empty();
        }
        return Optional.of(new Question(game.question(locale), game.reasons().stream()
                .map(reason -> new Reason(reason.code(), invitations.reason(reason, locale))).toList()));
    }
}
