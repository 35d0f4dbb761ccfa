package org.playerdesk.vip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.player.internal.PlayerCrmStore;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** VIP players go to their manager, open tickets through their private link, and are visited on schedule. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class VipServiceIntegrationTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    VipService vip;
    @Autowired
    TicketQueries tickets;
    @Autowired
    MockMvc mvc;
    @Autowired
    VipSettings settings;
    @Autowired
    PlayerDirectory players;
    @Autowired
    PlayerCrmStore standings;
    @Autowired
    Clock clock;

    @Test
    void aVipPlayersNewTicketGoesToTheirManager() {
        GameInfo game = workspace.simulatedGame();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember manager = workspace.staff(StaffRole.AGENT_VIP, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        assertThatThrownBy(() -> vip.assignManager(game.id(), "10008", manager.id(), agent))
                .isInstanceOf(AccessDeniedException.class);
        VipPlayerView veteran = vip.assignManager(game.id(), "10008", manager.id(), lead);
        assertThat(veteran.vipLevel()).isEqualTo(8);

        Opened vipTicket = workspace.ticket(game, "10008", "consultation");
        Opened plainTicket = workspace.ticket(game, "10004", "consultation");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                tickets.head(vipTicket.ticket().id()).assigneeId()).isEqualTo(manager.id()));
        assertThat(tickets.head(plainTicket.ticket().id()).assigneeId()).isNull();
    }

    @Test
    void followUpsAreScheduledByVipLevelAndRecordedWithSatisfaction() {
        GameInfo game = workspace.simulatedGame();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember manager = workspace.staff(StaffRole.AGENT_VIP, game);
        VipPlayerView veteran = vip.assignManager(game.id(), "10008", manager.id(), lead);
        VipPlayerView stolen = vip.assignManager(game.id(), "10001", manager.id(), lead);
        VipPlayerView plain = vip.assignManager(game.id(), "10006", manager.id(), lead);

        assertThat(Duration.between(veteran.createdAt(), veteran.nextFollowUpAt())).isEqualTo(Duration.ofDays(30));
        assertThat(Duration.between(stolen.createdAt(), stolen.nextFollowUpAt())).isEqualTo(Duration.ofDays(90));
        assertThat(plain.nextFollowUpAt()).isNull();
        assertThat(vip.dueFollowUps(manager.gameIds(), Instant.now().plus(Duration.ofDays(31))))
                .extracting(VipPlayerView::accountId).containsExactly("10008");

        assertThatThrownBy(() -> vip.recordFollowUp(veteran.id(), "", 9, null, manager))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .extracting(InvalidInput.FieldError::field).containsExactlyInAnyOrder("outcome", "satisfaction"));
        FollowUpView done = vip.recordFollowUp(veteran.id(), "玩家反馈良好,期待新版本", 5, "希望增加跨服活动", manager);
        assertThat(done.satisfaction()).isEqualTo(5);
        assertThat(vip.followUpsOf(veteran.id())).hasSize(1);
        assertThat(vip.get(veteran.id()).nextFollowUpAt()).isAfter(veteran.nextFollowUpAt().minusSeconds(5));
    }

    @Test
    void theInactiveWorklistShowsValuablePlayersGoneQuiet() {
        GameInfo game = workspace.simulatedGame();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        workspace.ticket(game, "10008", "suggestion");
        workspace.ticket(game, "10001", "account_stolen");
        vip.assignManager(game.id(), "10008", null, lead);
        vip.assignManager(game.id(), "10001", null, lead);

        assertThat(vip.inactiveValuable(game.id())).extracting(i -> i.vip().accountId()).containsExactly("10008");
    }

    @Test
    void theInactiveWorklistLooksThroughEveryKnownPlayerByTheirLastKnownFiguresPageByPage() throws Exception {
        GameInfo game = workspace.game(); // no game backend: the list never asks the game
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        long valuable = settings.valuableRecharge();
        Instant quietSince = clock.instant().minus(settings.inactiveAfter());
        known(game, "q-rich-quiet", valuable, quietSince.minus(Duration.ofDays(3)));
        known(game, "q-richer-quieter", valuable * 5, quietSince.minus(Duration.ofDays(40)));
        known(game, "q-poor-quiet", valuable - 1, quietSince.minus(Duration.ofDays(60)));
        known(game, "q-rich-active", valuable * 10, quietSince.plus(Duration.ofDays(29)));
        players.matchOrCreate(game.id(), new PlayerIdentity("q-never-seen-in-game", null, null, null), null);

        assertThat(vip.inactiveValuable(game.id())).extracting(VipService.InactivePlayer::accountId)
                .containsExactly("q-richer-quieter", "q-rich-quiet");
        assertThat(vip.inactiveValuable(game.id()).getFirst().vip()).as("not on the VIP roster").isNull();
        assertThat(vip.inactiveValuable(game.id()).getFirst().totalRecharge()).isEqualTo(valuable * 5);

        for (int i = 0; i < VipService.INACTIVE_PAGE; i++) {
            known(game, "q-page-" + i, valuable, quietSince.minus(Duration.ofDays(1)));
        }
        VipService.InactivePage first = vip.inactiveValuable(game.id(), 0);
        assertThat(first.players()).hasSize(VipService.INACTIVE_PAGE);
        assertThat(first.more()).isTrue();
        VipService.InactivePage second = vip.inactiveValuable(game.id(), 1);
        assertThat(second.players()).hasSize(2);
        assertThat(second.more()).isFalse();
        assertThat(vip.inactiveValuable(game.id(), -4).page()).isZero();

        String page = mvc.perform(get("/console/vip").param("game", game.id().toString()).param("inactivePage", "1")
                .with(user(new StaffUser(lead, "")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-testid=\"vip-inactive-pages\"", second.players().getFirst().accountId())
                .doesNotContain("q-rich-active", "q-poor-quiet");
    }

    private void known(GameInfo game, String account, long recharge, Instant lastLogin) {
        PlayerSummary player = players.matchOrCreate(game.id(), new PlayerIdentity(account, "昵称", null, null), null);
        standings.keepStanding(player.id(), new PlayerCrmStore.Standing(recharge, 3, lastLogin, "gold", clock.instant()));
    }

    @Test
    void thePrivateEntryLinkOpensATicketForThatPlayerOnly() throws Exception {
        GameInfo game = workspace.simulatedGame();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember manager = workspace.staff(StaffRole.AGENT_VIP, game);
        VipPlayerView veteran = vip.assignManager(game.id(), "10008", manager.id(), lead);
        String token = vip.newEntryToken(veteran.id(), lead);

        mvc.perform(get("/help/{game}/vip/{token}", game.code(), token)).andExpect(status().isOk());
        mvc.perform(get("/help/{game}/vip/{token}", game.code(), "x".repeat(32))).andExpect(status().isNotFound());
        String followUrl = mvc.perform(post("/help/{game}/vip/{token}", game.code(), token).param("type", "consultation")
                .param("subject", "新版本的问题").param("description", "想了解跨服活动的时间").with(csrf()))
                .andExpect(redirectedUrlPattern("/help/" + game.code() + "/t/*")).andReturn().getResponse()
                .getRedirectedUrl();
        TicketView opened = tickets.byFollowToken(followUrl.substring(followUrl.lastIndexOf('/') + 1)).orElseThrow();
        assertThat(opened.priority().code()).isEqualTo("high");
        mvc.perform(post("/help/{game}/vip/{token}", game.code(), token).param("subject", "").param("description", "").with(csrf()))
                .andExpect(status().isOk());

        String desk = mvc.perform(get("/console/vip").param("game", game.id().toString())
                .with(user(new StaffUser(manager, "")))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(desk).contains("data-testid=\"vip-roster\"", "10008").doesNotContain(token);
    }
}
