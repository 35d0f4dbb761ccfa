package org.playerdesk.training.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** What decides which courses and exams are meant for a member: their role, their teams, and whether they are a new hire. */
@Component
class Trainees {

    /** A member with their teams and new-hire mark. */
    record Trainee(StaffMember member, List<UUID> teams, boolean newHire) {

        boolean meant(Audience audience) {
            return audience.includes(member, teams, newHire);
        }
    }

    private final Teams teams;
    private final TrainingStore store;

    Trainees(Teams teams, TrainingStore store) {
        this.teams = teams;
        this.store = store;
    }

    Trainee of(StaffMember member) {
        return new Trainee(member, teams.of(member.id()).stream().map(TeamView::id).toList(),
                !store.newHiresAmong(List.of(member.id())).isEmpty());
    }

    /** Supervisors and administrators run training: define courses and exams, score answers, keep the gate. */
    static void requireLead(StaffMember by) {
        if (by == null || !by.role().leads()) {
            throw new AccessDeniedException("only supervisors and administrators run training");
        }
    }
}
