package org.playerdesk.survey.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyAnswer;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.survey.SurveyInvite;
import org.playerdesk.survey.SurveyRefused;
import org.playerdesk.survey.SurveyTotals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the channels show of a survey, and the answers and totals others read. */
@Component
@Transactional(readOnly = true)
public class Invitations {

    private final SurveyStore surveys;
    private final SurveySettingsStore settings;
    private final Answering answering;
    private final MessageSource messages;
    private final Clock clock;

    Invitations(SurveyStore surveys, SurveySettingsStore settings, Answering answering, MessageSource messages,
            Clock clock) {
        this.surveys = surveys;
        this.settings = settings;
        this.answering = answering;
        this.messages = messages;
        this.clock = clock;
    }

    /** The ticket's survey as this channel shows it, once asked there. */
    public Optional<SurveyInvite> invite(UUID ticketId, SurveyChannel channel, Locale locale) {
        return surveys.byTicket(ticketId).filter(s -> s.asked() && s.channel() == channel)
                .map(s -> invite(s, channel, locale));
    }

    /**
     * The survey a link opens (the help center's survey page): refused when the link is forged;
     * answered or expired otherwise shows so, without a token.
     */
    public SurveyInvite inviteByToken(String token, Locale locale) {
        try {
            SurveyRow survey = answering.verify(token);
            return invite(survey, Answering.channelOf(token), locale);
        } catch (SurveyRefused refused) {
            if (refused.reason() == SurveyRefused.Reason.FORGED) {
                throw refused;
            }
            SurveyRow survey = surveys.byId(SurveyTokens.read(token).orElseThrow().surveyId()).orElseThrow();
            return invite(survey, Answering.channelOf(token), locale);
        }
    }

    /** The game of the survey a token names, when it names one: for the page's frame. */
    public Optional<UUID> gameOf(String token) {
        return SurveyTokens.read(token).flatMap(claim -> surveys.byId(claim.surveyId())).map(SurveyRow::gameId);
    }

    private SurveyInvite invite(SurveyRow survey, SurveyChannel channel, Locale locale) {
        SurveySettings game = settings.of(survey.gameId());
        List<SurveyInvite.Reason> reasons = game.reasons().stream()
                .map(r -> new SurveyInvite.Reason(r.code(), reason(r, locale))).toList();
        Instant now = clock.instant();
        if (survey.answered()) {
            return new SurveyInvite(survey.ticketId(), SurveyInvite.State.ANSWERED, game.question(locale), reasons,
                    survey.expiresAt(), null, survey.answer());
        }
        if (survey.expired(now)) {
            return new SurveyInvite(survey.ticketId(), SurveyInvite.State.EXPIRED, game.question(locale), reasons,
                    survey.expiresAt(), null, null);
        }
        return new SurveyInvite(survey.ticketId(), SurveyInvite.State.OPEN, game.question(locale), reasons,
                survey.expiresAt(), SurveyTokens.sign(survey.id(), channel, survey.expiresAt(), survey.secret()), null);
    }

    String reason(ReasonCode reason, Locale locale) {
        return messages.getMessage("survey.reason." + reason.code(), null, locale);
    }

    public Optional<SurveyAnswer> answerOf(UUID ticketId) {
        return surveys.byTicket(ticketId).map(SurveyRow::answer);
    }

    public Map<UUID, Integer> scoresOf(Collection<UUID> ticketIds) {
        return surveys.scores(ticketIds);
    }

    public List<SurveyTotals> byAgent(Collection<UUID> gameIds, Instant from, Instant to) {
        return surveys.totals("resolved_by", gameIds, from, to);
    }

    public List<SurveyTotals> byGame(Collection<UUID> gameIds, Instant from, Instant to) {
        return surveys.totals("game_id", gameIds, from, to);
    }
}
