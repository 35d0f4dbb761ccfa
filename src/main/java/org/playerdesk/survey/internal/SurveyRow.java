package org.playerdesk.survey.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyAnswer;
import org.playerdesk.survey.SurveyChannel;

/** One ticket's survey as stored ({@code survey}). */
record SurveyRow(UUID id, UUID ticketId, UUID gameId, SurveyChannel channel, UUID resolvedBy, Instant resolvedAt,
        Instant dueAt, Instant askedAt, Instant expiresAt, Instant mailedAt, String secret, Integer score,
        String comment, List<ReasonCode> reasons, SurveyChannel answeredVia, Instant answeredAt, UUID chatId) {

    boolean asked() {
        return askedAt != null;
    }

    boolean answered() {
        return answeredAt != null;
    }

    boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    SurveyAnswer answer() {
        return answered() ? new SurveyAnswer(ticketId, score, comment, reasons, answeredVia, resolvedBy, answeredAt)
                : null;
    }
}
