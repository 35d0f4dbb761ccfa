package org.playerdesk.survey.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.survey.SurveyAnswer;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The ticket's survey on its page, beside the conversation: waiting to be asked, asked (open until
 * when), or the player's answer with the agent it counts toward (marked {@code data-testid="survey-answer"}),
 * and the follow-up a low score opened. Nothing for a ticket without a survey.
 */
@Component
class SurveyPanel implements TicketPanel {

    /** What the card shows. */
    record Data(String state, Instant dueAt, Instant askedAt, Instant expiresAt, String channel, SurveyAnswer answer,
            List<String> reasons, String resolvedBy, FollowUps.FollowUp followUp) {
    }

    private final SurveyStore surveys;
    private final FollowUps followUps;
    private final Invitations invitations;
    private final StaffDirectory staff;
    private final java.time.Clock clock;

    SurveyPanel(SurveyStore surveys, FollowUps followUps, Invitations invitations, StaffDirectory staff,
            java.time.Clock clock) {
        this.surveys = surveys;
        this.followUps = followUps;
        this.invitations = invitations;
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public Place place() {
        return Place.SIDE;
    }

    @Override
    public int order() {
        return 250;
    }

    @Override
    public String template() {
        return "survey/ticket-panel";
    }

    @Override
    public String title() {
        return "survey.panel.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        Locale locale = LocaleContextHolder.getLocale();
        return surveys.byTicket(ticket.id()).map(survey -> {
            String state = survey.answered() ? "answered" : survey.expired(clock.instant()) ? "expired"
                    : survey.asked() ? "asked" : "waiting";
            String resolvedBy = survey.resolvedBy() == null ? null
                    : staff.byIds(List.of(survey.resolvedBy())).values().stream().findFirst()
                            .map(member -> member.displayName()).orElse(null);
            return new Data(state, survey.dueAt(), survey.askedAt(), survey.expiresAt(), survey.channel().code(),
                    survey.answer(), survey.reasons().stream().map(r -> invitations.reason(r, locale)).toList(),
                    resolvedBy, followUps.ofTicket(ticket.id()).orElse(null));
        });
    }
}
