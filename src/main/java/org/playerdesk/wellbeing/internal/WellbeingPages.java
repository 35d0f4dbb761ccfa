package org.playerdesk.wellbeing.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What each reader may see of the agents' wellbeing, and the record of every look: the board for
 * supervisors (the agents they supervise, see {@link Supervision}), an agent's page for the agent
 * and their supervisors, and the one-to-one talks a supervisor notes. Every page shown writes one
 * audit entry per agent whose data it shows ({@code wellbeing.board}, {@code wellbeing.view}),
 * in the same transaction as the reading.
 */
@Service
@Transactional
class WellbeingPages {

    static final int NOTE_MAX = 2000;

    /** One agent on the board or their page: exposure and stress signals. */
    record AgentFigures(AgentWellbeing exposure, List<Rise> signals) {

        boolean strained() {
            return signals.stream().anyMatch(Rise::raised);
        }
    }

    /** An agent's page: their figures, the talks noted with them, and whether the reader is their supervisor. */
    record AgentPage(AgentFigures figures, List<Talk> talks, boolean own, boolean supervisor) {
    }

    /** A talk as noted: its day as written (checked here), its note. */
    record TalkNote(@NotBlank(message = "{invalid.blank}") @Size(max = NOTE_MAX, message = "{invalid.tooLong}")
            @PlainText String note) {
    }

    private final StaffDirectory staff;
    private final Exposures exposures;
    private final StressSignals signals;
    private final Talks talks;
    private final Supervision supervision;
    private final AuditLog audit;
    private final InputValidation validation;
    private final Clock clock;

    WellbeingPages(StaffDirectory staff, Exposures exposures, StressSignals signals, Talks talks,
            Supervision supervision, AuditLog audit, InputValidation validation, Clock clock) {
        this.supervision = supervision;
        this.staff = staff;
        this.exposures = exposures;
        this.signals = signals;
        this.talks = talks;
        this.audit = audit;
        this.validation = validation;
        this.clock = clock;
    }

    /** Whether the reader supervises anyone: who may open the board. */
    boolean supervisesAnyone(StaffUser reader) {
        return supervision.supervisesAnyone(reader.member());
    }

    /** The agents the reader supervises (of one game, or of all they serve when {@code gameId} is null), by name. */
    List<AgentFigures> board(StaffUser reader, UUID gameId) {
        StaffMember me = reader.member();
        if (!supervision.supervisesAnyone(me)) {
            throw new AccessDeniedException("only those who supervise agents see the wellbeing board");
        }
        Predicate<StaffMember> supervised = supervision.supervised(me);
        List<StaffMember> agents = staff.all().stream()
                .filter(m -> m.enabled() && m.can(Permission.WORK_TICKETS) && supervised.test(m))
                .filter(m -> gameId == null || m.serves(gameId))
                .sorted(Comparator.comparing(StaffMember::displayName).thenComparing(StaffMember::id)).toList();
        Instant now = clock.instant();
        Map<UUID, List<Rise>> rises = signals.of(agents, now);
        List<AgentFigures> rows = new ArrayList<>();
        for (StaffMember agent : agents) {
            rows.add(new AgentFigures(exposures.of(agent, now), rises.get(agent.id())));
            audit.record(me, null, "wellbeing.board", "staff", agent.id().toString(), "wellbeing board");
        }
        return rows;
    }

    /** An agent's page, for the agent and their supervisors; anyone else is told there is no such page. */
    AgentPage agent(StaffUser reader, UUID agentId) {
        StaffMember me = reader.member();
        StaffMember agent = visible(me, agentId);
        Instant now = clock.instant();
        AgentFigures figures = new AgentFigures(exposures.of(agent, now), signals.of(List.of(agent), now).get(agentId));
        audit.record(me, null, "wellbeing.view", "staff", agentId.toString(),
                me.id().equals(agentId) ? "own wellbeing page" : "wellbeing page of " + agent.username());
        return new AgentPage(figures, talks.of(agentId), me.id().equals(agentId), supervision.supervises(me, agent));
    }

    /** A supervisor notes a one-to-one talk with the agent: its day (not later than today) and what was said. */
    Talk noteTalk(StaffUser reader, UUID agentId, String heldOn, String note) {
        StaffMember me = reader.member();
        StaffMember agent = visible(me, agentId);
        if (!supervision.supervises(me, agent)) {
            throw new AccessDeniedException("only the agent's supervisors note their talks");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new TalkNote(text)));
        LocalDate day = null;
        if (heldOn == null || heldOn.isBlank()) {
            errors.add(new InvalidInput.FieldError("heldOn", "invalid.required"));
        } else {
            try {
                day = LocalDate.parse(heldOn.strip());
                if (day.isAfter(LocalDate.now(clock.withZone(exposures.roster(agent).zone())))) {
                    errors.add(new InvalidInput.FieldError("heldOn", "invalid.past"));
                }
            } catch (DateTimeParseException notADate) {
                errors.add(new InvalidInput.FieldError("heldOn", "invalid.date", heldOn.strip()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Talk talk = new Talk(Ids.next(), agentId, day, text, me.id(), me.displayName(), clock.instant());
        talks.add(talk);
        audit.record(me, null, "wellbeing.talk", "staff", agentId.toString(), "one-to-one talk of " + day);
        return talk;
    }

    private StaffMember visible(StaffMember reader, UUID agentId) {
        StaffMember agent = staff.byIds(List.of(agentId)).get(agentId);
        if (agent == null || !supervision.maySee(reader, agent)) {
            throw new NotFoundException("agent", agentId);
        }
        return agent;
    }
}
