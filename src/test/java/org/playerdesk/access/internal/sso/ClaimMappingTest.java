package org.playerdesk.access.internal.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.playerdesk.access.StaffRole;

class ClaimMappingTest {

    final ClaimMapping mapping = new ClaimMapping(
            Map.of("support-l1", "agent_l1", "support-leads", "supervisor", "it-admins", "ADMIN", "typo", "chef"),
            Map.of("team-a", List.of("game-a", " game-b"), "team-b", List.of("game-b", "game-c")));

    @Test
    void theStrongestRoleOfAllGroupsWins() {
        assertThat(mapping.role(List.of("support-l1", "support-leads"))).contains(StaffRole.SUPERVISOR);
        assertThat(mapping.role(List.of("support-l1", "it-admins"))).contains(StaffRole.ADMIN);
        assertThat(mapping.role(List.of("support-l1"))).contains(StaffRole.AGENT_L1);
    }

    @Test
    void groupsWithoutARoleOrWithAnUnknownRoleGiveNone() {
        assertThat(mapping.role(List.of("marketing"))).isEmpty();
        assertThat(mapping.role(List.of("typo"))).isEmpty();
        assertThat(mapping.role(List.of())).isEmpty();
    }

    @Test
    void everyGameOfEveryGroupOnce() {
        assertThat(mapping.gameCodes(List.of("team-a", "team-b", "marketing")))
                .containsExactly("game-a", "game-b", "game-c");
    }

    @Test
    void theGroupsClaimIsAListOrOneText() {
        assertThat(ClaimMapping.groups(List.of("a", "b"))).containsExactly("a", "b");
        assertThat(ClaimMapping.groups("a, b c")).containsExactly("a", "b", "c");
        assertThat(ClaimMapping.groups(null)).isEmpty();
        assertThat(ClaimMapping.groups(42)).isEmpty();
    }
}
