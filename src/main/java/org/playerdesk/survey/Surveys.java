package org.playerdesk.survey;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.survey.internal.Answering;
import org.playerdesk.survey.internal.Invitations;
import org.springframework.stereotype.Service;

/**
 * The satisfaction surveys as other modules use them: the answer of a ticket and the scores of
 * many (the QA sampler draws low scores first), totals per agent and per game for reports, and
 * what the player-facing channels show and send (the help center's private ticket page, the
 * game API). Every answer goes through the signed token a channel was given.
 */
@Service
public class Surveys {

    private final Invitations invitations;
    private final Answering answering;

    Surveys(Invitations invitations, Answering answering) {
        this.invitations = invitations;
        this.answering = answering;
    }

    /** The player's answer to the ticket's survey, if they answered. */
    public Optional<SurveyAnswer> answerOf(UUID ticketId) {
        return invitations.answerOf(ticketId);
    }

    /** The scores of those of these tickets whose survey was answered, by ticket id. */
    public Map<UUID, Integer> scoresOf(Collection<UUID> ticketIds) {
        return ticketIds.isEmpty() ? Map.of() : invitations.scoresOf(ticketIds);
    }

    /**
     * Per agent who resolved the tickets (key: the agent's id; null for tickets nobody on the staff
     * resolved), for these games, surveys asked and answers given in {@code [from, to)}.
     */
    public List<SurveyTotals> totalsByAgent(Collection<UUID> gameIds, Instant from, Instant to) {
        return invitations.byAgent(gameIds, from, to);
    }

    /** Per game (key: the game's id), surveys asked and answers given in {@code [from, to)}. */
    public List<SurveyTotals> totalsByGame(Collection<UUID> gameIds, Instant from, Instant to) {
        return invitations.byGame(gameIds, from, to);
    }

    /** The ticket's survey as this channel shows it to the player, once it was asked there. */
    public Optional<SurveyInvite> invite(UUID ticketId, SurveyChannel channel, Locale locale) {
        return invitations.invite(ticketId, channel, locale);
    }

    /**
     * The player's answer, with the token the channel gave; refused whole ({@link SurveyRefused}:
     * forged, expired, answered already; or bad input field by field) or recorded once.
     */
    public SurveyAnswer answer(String token, Integer score, String comment, List<String> reasons) {
        return answering.answer(token, new Answering.Answer(score, comment, reasons));
    }

    /** The same through the game API, whose token must be the survey of the ticket it names. */
    public SurveyAnswer answer(UUID ticketId, String token, Integer score, String comment, List<String> reasons) {
        return answering.answer(ticketId, token, new Answering.Answer(score, comment, reasons));
    }
}
