package org.playerdesk.survey.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.validator.constraints.Range;
import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyAnswer;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.survey.SurveyEvents.SurveyAnswered;
import org.playerdesk.survey.SurveyRefused;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.Size;

/**
 * A player's answer, from whichever channel: the token checked first (not signed by PlayerDesk:
 * forged; the survey answered already: a replay; its time over: expired), then the answer field
 * by field, then recorded once, with the follow-up a low score opens and the event that others
 * count, all in one transaction. A refusal counts nothing.
 */
@Component
public class Answering {

    public static final int COMMENT_MAX = 1000;

    private final SurveyStore surveys;
    private final SurveySettingsStore settings;
    private final FollowUps followUps;
    private final InputValidation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Answering(SurveyStore surveys, SurveySettingsStore settings, FollowUps followUps, InputValidation validation,
            ApplicationEventPublisher events, Clock clock) {
        this.surveys = surveys;
        this.settings = settings;
        this.followUps = followUps;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    /** An answer as a player sends it: the score (1 to 5), a comment, the reasons ticked (codes). */
    public record Answer(
            @Range(min = 1, max = 5, message = "{invalid.range.between}") Integer score,
            @Size(max = COMMENT_MAX, message = "{invalid.tooLong}") @PlainText String comment,
            List<String> reasons) {

        public Answer {
            comment = comment == null || comment.isBlank() ? null : comment.strip();
            reasons = reasons == null ? List.of() : reasons.stream().filter(r -> r != null && !r.isBlank()).toList();
        }
    }

    /** The survey this token opens: signed by the survey's key and still answerable, or refused. */
    SurveyRow verify(String token) {
        SurveyTokens.Claim claim = SurveyTokens.read(token).orElseThrow(() -> new SurveyRefused(SurveyRefused.Reason.FORGED));
        SurveyRow survey = surveys.byId(claim.surveyId())
                .orElseThrow(() -> new SurveyRefused(SurveyRefused.Reason.FORGED));
        if (!SurveyTokens.signedWith(claim, survey.secret()) || !survey.asked()
                || !claim.expiresAt().equals(survey.expiresAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
            throw new SurveyRefused(SurveyRefused.Reason.FORGED);
        }
        if (survey.answered()) {
            throw new SurveyRefused(SurveyRefused.Reason.ANSWERED);
        }
        if (survey.expired(clock.instant())) {
            throw new SurveyRefused(SurveyRefused.Reason.EXPIRED);
        }
        return survey;
    }

    /** The channel the token was given through. */
    static SurveyChannel channelOf(String token) {
        return SurveyTokens.read(token).map(SurveyTokens.Claim::channel).orElseThrow();
    }

    /** Checks and records the answer the token carries; refused whole, or recorded once. */
    @Transactional
    public SurveyAnswer answer(String token, Answer answer) {
        return answer(null, token, answer);
    }

    /** The same, for a token that must be the survey of this ticket (the game API names the ticket). */
    @Transactional
    public SurveyAnswer answer(UUID ticketId, String token, Answer answer) {
        SurveyRow survey = verify(token);
        if (ticketId != null && !ticketId.equals(survey.ticketId())) {
            throw new SurveyRefused(SurveyRefused.Reason.FORGED);
        }
        List<ReasonCode> reasons = check(survey.gameId(), answer);
        return record(survey, channelOf(token), answer.score(), answer.comment(), reasons, clock.instant());
    }

    /** The reasons of a valid answer; every bad field at once otherwise. */
    List<ReasonCode> check(UUID gameId, Answer answer) {
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(answer));
        if (answer.score() == null) {
            errors.add(new InvalidInput.FieldError("score", "invalid.range.between", 5, 1));
        }
        List<ReasonCode> offered = settings.of(gameId).reasons();
        Set<ReasonCode> chosen = new LinkedHashSet<>();
        for (String code : answer.reasons()) {
            try {
                ReasonCode reason = Coded.fromCode(ReasonCode.class, code.strip());
                if (!offered.contains(reason)) {
                    throw new IllegalArgumentException(code);
                }
                chosen.add(reason);
            } catch (IllegalArgumentException notOffered) {
                errors.add(new InvalidInput.FieldError("reasons", "invalid.oneOf",
                        String.join(", ", offered.stream().map(ReasonCode::code).toList())));
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(Answer.class, errors));
        }
        return List.copyOf(chosen);
    }

    /** Records the answer once; a survey answered meanwhile refuses it (nothing counted twice). */
    @Transactional
    SurveyAnswer record(SurveyRow survey, SurveyChannel via, int score, String comment, List<ReasonCode> reasons,
            Instant at) {
        if (!surveys.answer(survey.id(), score, comment, reasons, via, at)) {
            throw new SurveyRefused(SurveyRefused.Reason.ANSWERED);
        }
        boolean low = settings.of(survey.gameId()).low(score);
        if (low) {
            followUps.open(survey, score, at);
        }
        events.publishEvent(new SurveyAnswered(survey.id(), survey.ticketId(), survey.gameId(), survey.resolvedBy(),
                score, via, low, at));
        return new SurveyAnswer(survey.ticketId(), score, comment, reasons, via, survey.resolvedBy(), at);
    }
}
