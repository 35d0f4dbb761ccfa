package org.playerdesk.insight.figures;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the insight figures count per game, day and dimension. {@code total} is a count;
 * {@code seconds}, where a metric has a length of time, is the sum of those lengths.
 */
public enum Metric {
    /** Tickets created that day. */
    CREATED("created"),
    /** Public agent replies written that day. */
    AGENT_REPLIES("agent_replies"),
    /** Tickets that got their first agent reply that day, with the business time it took. */
    FIRST_RESPONDED("first_responded"),
    /** Tickets resolved that day (and not reopened since), with the business time from creation. */
    RESOLVED("resolved"),
    /** Of those resolved, resolved with one agent reply and never reopened. */
    FIRST_CONTACT_RESOLVED("fcr"),
    /** Of those resolved, reopened at least once before. */
    REOPENED("reopened"),
    /** Of those resolved, answered by the bot and resolved by the player ("this solved it"). */
    BOT_DEFLECTED("bot_deflected"),
    /** Tickets created that day whose first-response target was met, or breached. */
    SLA_FIRST_RESPONSE_MET("sla_first_response_met"),
    SLA_FIRST_RESPONSE_BREACHED("sla_first_response_breached"),
    SLA_NEXT_RESPONSE_MET("sla_next_response_met"),
    SLA_NEXT_RESPONSE_BREACHED("sla_next_response_breached"),
    SLA_RESOLUTION_MET("sla_resolution_met"),
    SLA_RESOLUTION_BREACHED("sla_resolution_breached"),
    /** Counted events: escalations to another support level, questions to a department. */
    ESCALATED("escalated"),
    TRANSFERS("transfers"),
    TRANSFERS_ANSWERED("transfers_answered"),
    TRANSFERS_IN_TIME("transfers_in_time"),
    /** A help-center article opened from the ticket form's suggestions, left without a ticket (one per beacon). */
    HELP_DEFLECTED("help_deflected"),
    /**
     * Live chats: started in service hours (queued), answered by an agent (seconds: the sum of the
     * waits, for the agent who took it), left unanswered (the player left, or it became a ticket).
     */
    CHATS("chats"),
    CHATS_ANSWERED("chats_answered"),
    CHATS_ABANDONED("chats_abandoned"),
    /**
     * Chats held by an agent until they ended or were handed over (total: how many holds; seconds:
     * the sum of their lengths), for that agent: a transferred chat is a hold for each agent.
     */
    CHAT_HANDLE("chat_handle"),
    /**
     * The most chats an agent held at once that day (total: 1 per agent and day with a chat taken;
     * seconds: that peak); over several days or agents, the seconds over the total is the mean
     * daily peak.
     */
    CHAT_PEAK("chat_peak"),
    /**
     * Satisfaction answers: live-chat ratings, survey answers (help center, game API, email) and
     * VIP follow-up scores (total: how many; seconds: the sum of the scores, 1 to 5), for the
     * chat's agent, the agent who resolved the ticket or the player's VIP manager.
     */
    CSAT("csat"),
    /** Satisfaction answers of 4 or 5. */
    CSAT_SATISFIED("csat_satisfied"),
    /** Tickets an agent replied to, each counted once per agent, on the day of their first reply to it. */
    HANDLED("handled"),
    /**
     * The seed's channel scorecard, counted on the day a ticket was created, in the whole and per
     * channel: first agent reply within one minute, five, thirty, one hour of clock time (not
     * business time, as the seed measures; a limit reached exactly counts as within), on the day it
     * was created (the game's day); complaints created, and closed within 48 hours.
     */
    RESPONDED_WITHIN_1M("responded_1m"),
    RESPONDED_WITHIN_5M("responded_5m"),
    RESPONDED_WITHIN_30M("responded_30m"),
    RESPONDED_WITHIN_1H("responded_1h"),
    REPLIED_SAME_DAY("replied_same_day"),
    COMPLAINTS("complaints"),
    COMPLAINTS_CLOSED_48H("complaints_closed_48h"),
    /** Live chats answered within five minutes of waiting (from the chats answered). */
    CHATS_ANSWERED_WITHIN_5M("chats_answered_5m"),
    /** An agent's public replies in which the reply checks found something, on the day they were written. */
    FLAGGED_REPLIES("flagged_replies"),
    /**
     * QA reviews of the agent's conversations (total: how many; seconds: the sum of their scores
     * out of 100), on the day each was first scored; a dispute's new score replaces the old.
     */
    QA_SCORE("qa_score"),
    /**
     * Phone calls the telephony system reported ended, on the day they ended: every call, those
     * answered (seconds: the sum of their waits, for the agent who answered), those answered within
     * the game's phone answer target as it stood then, and those the caller hung up before an answer.
     */
    CALLS("calls"),
    CALLS_ANSWERED("calls_answered"),
    CALLS_ANSWERED_IN_TARGET("calls_answered_target"),
    CALLS_ABANDONED("calls_abandoned");

    private final String code;

    Metric(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Metric> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
