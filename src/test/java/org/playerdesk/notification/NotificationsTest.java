package org.playerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** Notifications reach their reader only, the game's leads are its supervisors, and reading marks them. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class NotificationsTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Notifications notifications;

    @Test
    void theLeadsOfAGameAreNotifiedAndOnlyTheReaderMarksTheirOwnRead() {
        GameInfo game = workspace.game();
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        workspace.staff(StaffRole.SUPERVISOR, workspace.game());

        Notice notice = new Notice("sla.breach", "notification.sla.breach", List.of("#12", "首次响应\u001f"),
                "/console/tickets/x", null);
        assertThat(notifications.sendToLeads(game.id(), notice)).containsExactly(lead.id());
        notifications.send(agent.id(), notice);

        NotificationView seen = notifications.recent(lead.id(), 10).getFirst();
        assertThat(seen.args()).containsExactly("#12", "首次响应 ");
        assertThat(notifications.unreadCount(lead.id())).isEqualTo(1);
        assertThat(notifications.markRead(agent.id(), Set.of(seen.id()))).isZero();
        assertThat(notifications.markRead(lead.id(), Set.of(seen.id()))).isEqualTo(1);
        assertThat(notifications.unreadCount(lead.id())).isZero();
        assertThat(notifications.unreadCount(agent.id())).isEqualTo(1);
        assertThat(notifications.markAllRead(agent.id())).isEqualTo(1);
    }
}
