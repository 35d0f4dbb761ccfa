package org.playerdesk.workforce;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The department's teams ({@code workforce_team}): administrators define them (name, lead,
 * members); everyone may read them. A member of staff may belong to several teams; a team's lead
 * need not be one of its members.
 */
@Service
@Transactional(readOnly = true)
public class Teams {

    public static final int NAME_MAX = 80;

    /** What a team is defined with; checked field by field. */
    record TeamForm(@NotBlank(message = "{invalid.blank}") @Size(max = NAME_MAX, message = "{invalid.tooLong}")
            @SingleLine String name) {
    }

    private final JdbcTemplate jdbc;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final InputValidation validation;
    private final java.time.Clock clock;

    Teams(JdbcTemplate jdbc, StaffDirectory staff, AuditLog audit, InputValidation validation, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.audit = audit;
        this.validation = validation;
        this.clock = clock;
    }

    /** Every team, by name. */
    public List<TeamView> all() {
        Map<UUID, List<UUID>> members = new LinkedHashMap<>();
        jdbc.query("select team_id, staff_id from workforce_team_member", row -> {
            members.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(row.getObject(2, UUID.class));
        });
        return jdbc.query("select id, name, lead_id from workforce_team order by name",
                (row, n) -> {
                    UUID id = row.getObject(1, UUID.class);
                    return new TeamView(id, row.getString(2), row.getObject(3, UUID.class),
                            Set.copyOf(members.getOrDefault(id, List.of())));
                });
    }

    public Optional<TeamView> get(UUID teamId) {
        return all().stream().filter(t -> t.id().equals(teamId)).findFirst();
    }

    /** The teams this member of staff belongs to or leads. */
    public List<TeamView> of(UUID staffId) {
        return all().stream().filter(t -> t.people().contains(staffId)).toList();
    }

    /** The teams this member of staff leads. */
    public List<TeamView> ledBy(UUID staffId) {
        return all().stream().filter(t -> t.ledBy(staffId)).toList();
    }

    /**
     * Whether {@code lead} may lead {@code staffId}'s work: supervisors and administrators lead
     * everyone, a team's lead leads the team's members.
     */
    public boolean leads(StaffMember lead, UUID staffId) {
        if (lead.role().leads()) {
            return true;
        }
        return ledBy(lead.id()).stream().anyMatch(t -> t.people().contains(staffId));
    }

    /** Whether this member of staff leads anyone: a supervisor, an administrator or a team's lead. */
    public boolean leadsAnyone(StaffMember member) {
        return member.role().leads() || !ledBy(member.id()).isEmpty();
    }

    /** Adds a team ({@code teamId} null) or redefines one; administrators only. */
    @Transactional
    public TeamView define(UUID teamId, String name, UUID leadId, Collection<UUID> memberIds, StaffMember by) {
        requireAdmin(by);
        TeamForm form = new TeamForm(name == null ? null : name.strip());
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        Set<UUID> members = new HashSet<>(memberIds == null ? List.of() : memberIds);
        Set<UUID> people = new HashSet<>(members);
        if (leadId != null) {
            people.add(leadId);
        }
        Map<UUID, StaffMember> known = staff.byIds(people);
        if (leadId != null && !known.containsKey(leadId)) {
            errors.add(new InvalidInput.FieldError("lead", "invalid.staff.any"));
        }
        if (!known.keySet().containsAll(members)) {
            errors.add(new InvalidInput.FieldError("members", "invalid.staff.any"));
        }
        if (errors.stream().noneMatch(e -> e.field().equals("name")) && jdbc.queryForObject(
                "select count(*) from workforce_team where lower(name) = lower(?) and id <> ?", Integer.class,
                form.name(), teamId == null ? Ids.next() : teamId) > 0) {
            errors.addFirst(new InvalidInput.FieldError("name", "invalid.taken"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        UUID id = teamId;
        if (id == null) {
            id = Ids.next();
            jdbc.update("insert into workforce_team (id, name, lead_id, created_at) values (?, ?, ?, ?)", id,
                    form.name(), leadId, Timestamp.from(clock.instant()));
        } else if (jdbc.update("update workforce_team set name = ?, lead_id = ? where id = ?", form.name(), leadId,
                id) == 0) {
            throw new NotFoundException("team", id);
        }
        jdbc.update("delete from workforce_team_member where team_id = ?", id);
        for (UUID member : members) {
            jdbc.update("insert into workforce_team_member (team_id, staff_id) values (?, ?)", id, member);
        }
        audit.record(by, null, teamId == null ? "team.create" : "team.update", "team", id.toString(),
                form.name() + ": lead " + (leadId == null ? "-" : known.get(leadId).username()) + ", "
                        + members.size() + " members");
        return new TeamView(id, form.name(), leadId, Set.copyOf(members));
    }

    /** Puts a member of staff in exactly these teams (the staff page's choice); administrators only. */
    @Transactional
    public void place(UUID staffId, Collection<UUID> teamIds, StaffMember by) {
        requireAdmin(by);
        Set<UUID> wanted = new HashSet<>(teamIds);
        Set<UUID> existing = new HashSet<>(jdbc.queryForList("select id from workforce_team", UUID.class));
        if (!existing.containsAll(wanted)) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("teams", "invalid.team")));
        }
        jdbc.update("delete from workforce_team_member where staff_id = ?", staffId);
        for (UUID team : wanted) {
            jdbc.update("insert into workforce_team_member (team_id, staff_id) values (?, ?)", team, staffId);
        }
        audit.record(by, null, "team.place", "staff", staffId.toString(), wanted.size() + " teams");
    }

    /** Removes a team (its members stay, in no team of it); administrators only. */
    @Transactional
    public void remove(UUID teamId, StaffMember by) {
        requireAdmin(by);
        String name = get(teamId).map(TeamView::name).orElseThrow(() -> new NotFoundException("team", teamId));
        jdbc.update("delete from workforce_team where id = ?", teamId);
        audit.record(by, null, "team.remove", "team", teamId.toString(), name);
    }

    private static void requireAdmin(StaffMember by) {
        if (by == null || !by.can(Permission.MANAGE_STAFF)) {
            throw new AccessDeniedException("only administrators define teams");
        }
    }
}
