package org.playerdesk.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;

/** Teams: defined by administrators, checked field by field, led by a member of staff, audited. */
@SpringBootTest
@Import(TestWorkspace.class)
class TeamsTest {

    @Autowired
    Teams teams;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    AuditLog audit;

    @Test
    void anAdministratorDefinesATeamWithALeadAndMembersAndMayPlaceAMemberInTeams() {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember lead = workspace.staff(StaffRole.AGENT_L2);
        StaffMember a = workspace.staff(StaffRole.AGENT_L1);
        StaffMember b = workspace.staff(StaffRole.AGENT_L1);
        String name = TestWorkspace.unique("早班一组");

        TeamView team = teams.define(null, "  " + name + " ", lead.id(), List.of(a.id(), b.id()), admin);

        assertThat(teams.get(team.id())).get().satisfies(t -> {
            assertThat(t.name()).isEqualTo(name);
            assertThat(t.memberIds()).containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(t.people()).containsExactlyInAnyOrder(a.id(), b.id(), lead.id());
        });
        assertThat(teams.leads(lead, a.id())).isTrue();
        assertThat(teams.leads(a, b.id())).as("a member leads nobody").isFalse();
        assertThat(teams.leadsAnyone(lead)).isTrue();
        assertThat(teams.of(a.id())).extracting(TeamView::id).contains(team.id());
        assertThat(audit.about("team", team.id().toString(), 5)).extracting(AuditLog.Entry::action)
                .contains("team.create");

        TeamView other = teams.define(null, TestWorkspace.unique("夜班"), null, List.of(), admin);
        teams.place(a.id(), Set.of(other.id()), admin);
        assertThat(teams.of(a.id())).extracting(TeamView::id).containsExactly(other.id());
        assertThat(teams.get(team.id()).orElseThrow().memberIds()).containsExactly(b.id());

        teams.remove(other.id(), admin);
        assertThat(teams.of(a.id())).isEmpty();
    }

    @Test
    void aBadTeamIsRefusedFieldByFieldAndOnlyAdministratorsDefineTeams() {
        StaffMember admin = workspace.staff(StaffRole.ADMIN);
        StaffMember supervisor = workspace.staff(StaffRole.SUPERVISOR);
        String name = TestWorkspace.unique("team");
        teams.define(null, name, null, List.of(), admin);

        assertThatThrownBy(() -> teams.define(null, name.toUpperCase(), UUID.randomUUID(),
                List.of(UUID.randomUUID()), admin)).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field)
                                .containsExactly("name", "lead", "members"));
        assertThatThrownBy(() -> teams.define(null, " ", null, List.of(), admin)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> teams.place(supervisor.id(), Set.of(UUID.randomUUID()), admin))
                .isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> teams.define(null, TestWorkspace.unique("x"), null, List.of(), supervisor))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(teams.all()).extracting(TeamView::name).doesNotContain(" ");
    }
}
