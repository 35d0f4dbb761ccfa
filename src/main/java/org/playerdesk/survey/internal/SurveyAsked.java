package org.playerdesk.survey.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.survey.SurveyChannel;

/**
 * A survey was asked (published in the transaction that marked it asked): the email channel sends
 * its mail from here, through the publication registry, so a mail server out of reach is tried
 * again and the ask is not lost.
 */
public record SurveyAsked(UUID surveyId, UUID ticketId, UUID gameId, SurveyChannel channel, Instant at) {
}
