package org.playerdesk.training.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.chat.ChatPause;
import org.playerdesk.routing.WorkPause;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The onboarding gate: a member of staff a lead marked as a new hire gets no live work (no routed
 * ticket, no "Next", no new live chat) while a gate exam meant for them is not passed. Members
 * not marked are never kept, whatever exams exist; passing the last gate exam releases the new
 * hire at once, and a lead may lift the mark. This is routing's {@link WorkPause} and live chat's
 * {@link ChatPause}.
 */
@Service
@Transactional
class OnboardingGate implements WorkPause, ChatPause {

    /** How far ahead live chat is told the gate lasts: it has no end of its own, and is asked again at every look. */
    static final Duration UNTIL_PASSED = Duration.ofDays(365);

    /** A new hire and the gate exams they have still to pass (empty: released by passing). */
    record NewHire(StaffMember member, Instant markedAt, List<Missing> missing) {

        public boolean blocked() {
            return !missing.isEmpty();
        }
    }

    /** A gate exam not passed yet, and how the new hire's latest attempt at it stands (null: none yet). */
    record Missing(Exam exam, Attempt latest) {
    }

    private final TrainingStore store;
    private final Trainees trainees;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final Clock clock;

    OnboardingGate(TrainingStore store, Trainees trainees, StaffDirectory staff, AuditLog audit, Clock clock) {
        this.store = store;
        this.trainees = trainees;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<UUID> pausedAmong(Collection<UUID> staffIds, Instant at) {
        Set<UUID> newHires = store.newHiresAmong(staffIds);
        if (newHires.isEmpty()) {
            return Set.of();
        }
        Set<UUID> kept = new HashSet<>();
        for (StaffMember member : staff.byIds(newHires).values()) {
            if (!missing(member).isEmpty()) {
                kept.add(member.id());
            }
        }
        return kept;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Instant> pausedUntil(UUID staffId, Instant now) {
        return pausedAmong(List.of(staffId), now).isEmpty() ? Optional.empty()
                : Optional.of(now.plus(UNTIL_PASSED));
    }

    /** The gate exams meant for the member that they have not passed; empty when they are no new hire. */
    @Transactional(readOnly = true)
    List<Missing> missing(StaffMember member) {
        Trainees.Trainee trainee = trainees.of(member);
        if (!trainee.newHire()) {
            return List.of();
        }
        Map<UUID, Audience> audiences = store.examAudiences();
        List<Attempt> attempts = store.attemptsOf(member.id());
        List<Missing> missing = new ArrayList<>();
        for (Exam exam : store.exams()) {
            if (!exam.gate() || !trainee.meant(audiences.getOrDefault(exam.id(), Audience.NOBODY))) {
                continue;
            }
            List<Attempt> mine = attempts.stream().filter(a -> a.examId().equals(exam.id())).toList();
            if (mine.stream().noneMatch(a -> a.status() == Attempt.Status.PASSED)) {
                missing.add(new Missing(exam, mine.isEmpty() ? null : mine.getFirst()));
            }
        }
        return missing;
    }

    /** Every new hire not released, blocked ones first; leads only. */
    @Transactional(readOnly = true)
    List<NewHire> newHires(StaffMember lead) {
        Trainees.requireLead(lead);
        Map<UUID, Instant> marked = store.newHires();
        Map<UUID, StaffMember> members = staff.byIds(marked.keySet());
        List<NewHire> all = new ArrayList<>();
        marked.forEach((id, at) -> {
            StaffMember member = members.get(id);
            if (member != null) {
                all.add(new NewHire(member, at, missing(member)));
            }
        });
        all.sort(java.util.Comparator.comparing((NewHire h) -> !h.blocked()).thenComparing(NewHire::markedAt));
        return all;
    }

    void markNewHire(UUID staffId, StaffMember lead) {
        Trainees.requireLead(lead);
        StaffMember member = staff.byIds(List.of(staffId)).get(staffId);
        if (member == null) {
            throw new NotFoundException("staff", staffId);
        }
        store.markNewHire(staffId, lead.id(), clock.instant());
        audit.record(lead, null, "training.newHire.mark", "staff", staffId.toString(), member.username());
    }

    void release(UUID staffId, StaffMember lead) {
        Trainees.requireLead(lead);
        if (store.releaseNewHire(staffId, clock.instant())) {
            audit.record(lead, null, "training.newHire.release", "staff", staffId.toString(), null);
        }
    }
}
