package org.playerdesk.workforce;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.workforce.internal.presence.LeavingCheck;
import org.playerdesk.workforce.internal.presence.PresenceLedger;
import org.playerdesk.workforce.internal.presence.PresenceLedger.Cause;
import org.playerdesk.workforce.internal.presence.PresenceLedger.Move;
import org.playerdesk.workforce.internal.presence.PresenceSettings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Agents' availability ({@link PresenceState}), one for tickets and live chat: the agent chooses it
 * in the top bar, a lead may set an agent they lead away or offline, signing out ends it at once and
 * consoles silent for the grace period end it too. Every change is kept as a period (breaks, time in
 * state), and live chat's presence follows each one; a presence chosen in the chat console comes
 * back the other way. Someone who never chose a state counts as available.
 */
@Service
@Transactional
public class AgentPresence {

    private final PresenceLedger ledger;
    private final StaffDirectory staff;
    private final ChatSeats seats;
    private final Teams teams;
    private final AuditLog audit;
    private final ObjectProvider<LeavingCheck> checks;
    private final PresenceSettings settings;
    private final Clock clock;
    private final TransactionTemplate eachOnItsOwn;

    AgentPresence(PresenceLedger ledger, StaffDirectory staff, ChatSeats seats, Teams teams, AuditLog audit,
            ObjectProvider<LeavingCheck> checks, PresenceSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.staff = staff;
        this.seats = seats;
        this.teams = teams;
        this.audit = audit;
        this.checks = checks;
        this.settings = settings;
        this.clock = clock;
        this.eachOnItsOwn = new TransactionTemplate(transactions);
    }

    @Transactional(readOnly = true)
    public PresenceView state(UUID staffId) {
        return ledger.states(List.of(staffId)).get(staffId);
    }

    /** The states of these members of staff, read at once. */
    @Transactional(readOnly = true)
    public Map<UUID, PresenceView> states(Collection<UUID> staffIds) {
        return ledger.states(staffIds);
    }

    /** How long consoles may stay silent before availability ends ({@code playerdesk.workforce.presence.grace}). */
    public java.time.Duration grace() {
        return settings.grace();
    }

    /**
     * The agent chooses their state. Leaving the desk (from available or busy to a break, away or
     * offline) is first put to every {@link LeavingCheck}; a refusal is a {@link RuleViolation} with
     * the check's code, and nothing changes.
     */
    public PresenceView choose(StaffMember agent, PresenceState state) {
        if (!agent.can(Permission.WORK_TICKETS)) {
            throw new AccessDeniedException("only staff who work tickets choose a state");
        }
        Instant now = clock.instant();
        PresenceState current = ledger.lock(agent.id()).state();
        if (current.atDesk() && state.pausesWork()) {
            for (LeavingCheck check : checks.orderedStream().toList()) {
                Optional<String> refusal = check.refusal(agent.id(), current, state);
                if (refusal.isPresent()) {
                    throw new RuleViolation(refusal.get(), "the agent may not leave the desk now");
                }
            }
        }
        ledger.move(agent.id(), state, now, Cause.OWN, agent.id());
        ledger.seen(agent.id(), now);
        // also when the state stays: live chat may have set the agent offline meanwhile
        followInChat(agent, state);
        return state(agent.id());
    }

    /** A lead sets an agent they lead away or offline (the agent's work states are the agent's); audited. */
    public PresenceView setFor(UUID staffId, PresenceState state, StaffMember lead) {
        if (lead == null || !teams.leads(lead, staffId)) {
            throw new AccessDeniedException("only the agent's leads set their state");
        }
        if (!state.setByLead()) {
            throw new RuleViolation("presence.lead.state", "a lead sets an agent only away or offline");
        }
        StaffMember agent = staff.get(staffId);
        Optional<Move> move = ledger.move(staffId, state, clock.instant(), Cause.LEAD, lead.id());
        followInChat(agent, state);
        move.ifPresent(made -> {
            audit.record(lead, null, "presence.set", "staff", staffId.toString(),
                    made.from().code() + " -> " + made.to().code());
        });
        return state(staffId);
    }

    /**
     * A console of the agent's is open (every tab says so every 30 s); live chat hears it too. The
     * first sign of someone who never chose a state records the state their live-chat presence
     * stands for, so that the two agree from then on.
     */
    public void heartbeat(UUID staffId) {
        Instant now = clock.instant();
        if (!ledger.seen(staffId, now)) {
            StaffMember member = staff.get(staffId);
            ledger.move(staffId, PresenceState.following(seats.seat(member).presence()), now, Cause.FIRST_SEEN, null);
        }
        seats.heartbeat(staffId);
    }

    /** The agent signed out: offline at once (not after the grace period), and signed in no more. */
    public void signedOut(UUID staffId) {
        StaffMember member = staff.get(staffId);
        ledger.move(staffId, PresenceState.OFFLINE, clock.instant(), Cause.SIGN_OUT, staffId);
        followInChat(member, PresenceState.OFFLINE);
        ledger.signedOut(staffId);
    }

    /**
     * Agents whose consoles have all been silent for the grace period (tabs closed, the laptop
     * asleep, the network gone) are set offline, each in a transaction of its own. Safe on several
     * nodes at once: each agent is moved by a conditional update, by one node only.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public int endAbsent() {
        Instant now = clock.instant();
        Instant before = now.minus(settings.grace());
        int ended = 0;
        for (UUID staffId : ledger.silentSince(before)) {
            Boolean done = eachOnItsOwn.execute(status -> ledger.endIfSilent(staffId, before, now).map(move -> {
                followInChat(staff.get(staffId), move.to());
                return true;
            }).orElse(false));
            if (Boolean.TRUE.equals(done)) {
                ended++;
            }
        }
        return ended;
    }

    /** The periods of these agents' breaks that overlap {@code [from, to)}, oldest first. */
    @Transactional(readOnly = true)
    public List<PresencePeriod> breaks(Collection<UUID> staffIds, Instant from, Instant to) {
        return ledger.periods(staffIds, PresenceState.ON_BREAK, from, to);
    }

    /** Every state of one agent that overlaps {@code [from, to)}, oldest first. */
    @Transactional(readOnly = true)
    public List<PresencePeriod> periods(UUID staffId, Instant from, Instant to) {
        return ledger.periods(List.of(staffId), null, from, to);
    }

    /** Live chat's presence follows the new state (staff who take no chats have none to follow). */
    private void followInChat(StaffMember member, PresenceState state) {
        if (member.can(Permission.WORK_TICKETS) && seats.seat(member).presence() != state.inChat()) {
            seats.setPresence(member, state.inChat(), null);
        }
    }
}
