package org.playerdesk.sla.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.playerdesk.sla.BusinessCalendar;
import org.playerdesk.sla.PolicyView;
import org.playerdesk.sla.SlaTarget;
import org.playerdesk.sla.TimerView;
import org.playerdesk.system.entity.CodedConverter;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One running target of a ticket (SlaClock). The clock counts business time of its calendar:
 * {@code usedSeconds} holds what was used before {@code runningSince}; while it runs, the
 * deadline is the calendar's {@code target − used} after {@code runningSince}. Paused, it keeps
 * the time used and has no deadline; stopped, it is done (met unless {@code breachedAt}). A new
 * round (the next response after each player reply) starts afresh. {@code nextFireAt} is the
 * earlier of the warning and the deadline not yet fired: the sweep looks only at it.
 */
@Entity
@Table(name = "sla_timer")
public class SlaTimer extends StoredEntity {

    static final String RUNNING = "running";
    static final String PAUSED = "paused";
    static final String STOPPED = "stopped";

    @Converter
    static class TargetConverter extends CodedConverter<SlaTarget> {
        TargetConverter() {
            super(SlaTarget.class);
        }
    }

    private UUID ticketId;
    private UUID gameId;
    private long ticketNumber;
    @Convert(converter = TargetConverter.class)
    private SlaTarget target;
    private UUID policyId;
    private String policyName;
    private UUID calendarId;
    private int targetMinutes;
    private int warningPercent;
    private int round;
    private String state;
    private Instant startedAt;
    private Instant runningSince;
    private Instant pausedSince;
    private long usedSeconds;
    private Instant warnAt;
    private Instant dueAt;
    private Instant nextFireAt;
    private Instant warnedAt;
    private Instant breachedAt;
    private Instant stoppedAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected SlaTimer() {
    }

    SlaTimer(UUID ticketId, UUID gameId, long ticketNumber, SlaTarget target) {
        this.ticketId = ticketId;
        this.gameId = gameId;
        this.ticketNumber = ticketNumber;
        this.target = target;
    }

    /** Starts a new round of this target under the policy, from {@code at}. */
    void start(PolicyView policy, int minutes, Instant at, BusinessCalendar calendar) {
        this.round++;
        this.policyId = policy.id();
        this.policyName = policy.name();
        this.calendarId = policy.calendarId();
        this.targetMinutes = minutes;
        this.warningPercent = policy.warningPercent();
        this.state = RUNNING;
        this.startedAt = at;
        this.runningSince = at;
        this.pausedSince = null;
        this.usedSeconds = 0;
        this.warnedAt = null;
        this.breachedAt = null;
        this.stoppedAt = null;
        plan(calendar, at);
    }

    /** Stops counting while support waits on the player; the time used is kept. */
    boolean pause(Instant at, BusinessCalendar calendar) {
        if (!RUNNING.equals(state)) {
            return false;
        }
        usedSeconds += used(calendar, at);
        state = PAUSED;
        runningSince = null;
        pausedSince = at;
        plan(calendar, at);
        return true;
    }

    /** Counts again from {@code at} with the time left (also a resolution stopped at resolve, on reopen). */
    boolean resume(Instant at, BusinessCalendar calendar) {
        if (RUNNING.equals(state)) {
            return false;
        }
        state = RUNNING;
        runningSince = at;
        pausedSince = null;
        stoppedAt = null;
        plan(calendar, at);
        return true;
    }

    /** Done: the answer came (first or next response), or the ticket was resolved. */
    boolean stop(Instant at, BusinessCalendar calendar) {
        if (STOPPED.equals(state)) {
            return false;
        }
        if (RUNNING.equals(state)) {
            usedSeconds += used(calendar, at);
        }
        if (breachedAt != null && at.isBefore(breachedAt) && usedSeconds <= targetMinutes * 60L) {
            // the answer was in time but reached the clock after the sweep (a live chat's lines reach
            // the ticket in batches): the answer's own time decides
            breachedAt = null;
        }
        state = STOPPED;
        runningSince = null;
        pausedSince = null;
        stoppedAt = at;
        plan(calendar, at);
        return true;
    }

    /**
     * Moves the target to another policy (type or priority changed): the business time already
     * used carries over and counts against the new target; warnings and breaches already
     * recorded stay recorded.
     */
    void rematch(PolicyView policy, int minutes, Instant at, BusinessCalendar before, BusinessCalendar after) {
        if (RUNNING.equals(state)) {
            usedSeconds += used(before, at);
            runningSince = at;
        }
        this.policyId = policy.id();
        this.policyName = policy.name();
        this.calendarId = policy.calendarId();
        this.targetMinutes = minutes;
        this.warningPercent = policy.warningPercent();
        plan(after, at);
    }

    void markWarned(Instant at) {
        warnedAt = at;
        nextFireAt = breachedAt == null ? dueAt : null;
    }

    void markBreached(Instant at) {
        breachedAt = at;
        nextFireAt = null;
    }

    private long used(BusinessCalendar calendar, Instant at) {
        return runningSince == null ? 0 : calendar.between(runningSince, at).toSeconds();
    }

    private void plan(BusinessCalendar calendar, Instant now) {
        updatedAt = now;
        if (!RUNNING.equals(state)) {
            warnAt = null;
            dueAt = null;
            nextFireAt = null;
            return;
        }
        long total = targetMinutes * 60L;
        long warning = total * warningPercent / 100;
        dueAt = calendar.plus(runningSince, Duration.ofSeconds(Math.max(0, total - usedSeconds)));
        warnAt = calendar.plus(runningSince, Duration.ofSeconds(Math.max(0, warning - usedSeconds)));
        Instant fire = null;
        if (breachedAt == null) {
            fire = dueAt;
        }
        if (warnedAt == null && breachedAt == null) {
            fire = warnAt;
        }
        nextFireAt = fire;
    }

    public TimerView view(Instant now, BusinessCalendar calendar) {
        Duration left;
        if (RUNNING.equals(state)) {
            left = now.isBefore(dueAt) ? calendar.between(now, dueAt) : calendar.between(dueAt, now).negated();
        } else {
            left = Duration.ofSeconds(Math.max(0, targetMinutes * 60L - usedSeconds));
            if (usedSeconds > targetMinutes * 60L) {
                left = Duration.ofSeconds(targetMinutes * 60L - usedSeconds);
            }
        }
        return new TimerView(ticketId, target, policyName, state, targetMinutes, startedAt, dueAt, left, warnedAt,
                breachedAt, stoppedAt);
    }

    public UUID ticketId() {
        return ticketId;
    }

    public UUID gameId() {
        return gameId;
    }

    public long ticketNumber() {
        return ticketNumber;
    }

    public SlaTarget target() {
        return target;
    }

    public UUID calendarId() {
        return calendarId;
    }

    public UUID policyId() {
        return policyId;
    }

    public String state() {
        return state;
    }

    public int round() {
        return round;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Instant warnAt() {
        return warnAt;
    }

    public Instant warnedAt() {
        return warnedAt;
    }

    public Instant breachedAt() {
        return breachedAt;
    }

    public Instant nextFireAt() {
        return nextFireAt;
    }

    boolean running() {
        return RUNNING.equals(state);
    }

    boolean paused() {
        return PAUSED.equals(state);
    }
}
