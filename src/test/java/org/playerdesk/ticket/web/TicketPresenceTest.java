package org.playerdesk.ticket.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPresence;
import org.playerdesk.ticket.TicketPresence.Activity;
import org.playerdesk.ticket.TicketPresence.Colleague;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Working a ticket beside colleagues: who else is on it, viewing or replying, until their page
 * falls silent for longer than the expiry (on a clock the test moves); and a reply held back when
 * someone else wrote after the page was opened, sent only when the agent confirms.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, TicketPresenceTest.Clocks.class })
class TicketPresenceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TicketPresence presence;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries queries;
    @Autowired
    StoppedClock clock;

    private StaffMember member(String name, GameInfo game) {
        return staff.enrol(TestWorkspace.unique("u"), name, TestWorkspace.PASSWORD, StaffRole.AGENT_L1, "zh-CN",
                Set.of(game.id()));
    }

    private static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    @Test
    void colleaguesAreSeenViewingAndReplyingUntilTheirPageFallsSilent() {
        GameInfo game = workspace.game();
        StaffMember lin = member("小林", game);
        StaffMember wang = member("小王", game);
        UUID ticket = workspace.ticket(game, "p-1", "bug").ticket().id();

        assertThat(presence.here(ticket, lin.id(), lin.displayName(), Activity.VIEWING)).isEmpty();
        assertThat(presence.here(ticket, wang.id(), wang.displayName(), Activity.VIEWING))
                .containsExactly(new Colleague(lin.id(), "小林", Activity.VIEWING));
        presence.here(ticket, lin.id(), lin.displayName(), Activity.REPLYING);
        assertThat(presence.besides(ticket, wang.id()))
                .containsExactly(new Colleague(lin.id(), "小林", Activity.REPLYING));

        clock.shift(TicketPresence.EXPIRY);
        assertThat(presence.besides(ticket, wang.id())).as("silent exactly as long as the expiry").hasSize(1);
        clock.shift(Duration.ofSeconds(1));
        assertThat(presence.besides(ticket, wang.id())).as("silent for longer").isEmpty();

        presence.here(ticket, lin.id(), lin.displayName(), Activity.VIEWING);
        assertThat(presence.besides(ticket, wang.id()))
                .containsExactly(new Colleague(lin.id(), "小林", Activity.VIEWING));
        assertThat(presence.besides(ticket, lin.id())).as("小王's page fell silent meanwhile").isEmpty();
        assertThat(presence.besides(workspace.ticket(game, "p-2", "bug").ticket().id(), wang.id()))
                .as("another ticket").isEmpty();

        presence.left(ticket, lin.id());
        assertThat(presence.besides(ticket, wang.id())).as("gone at once on leaving").isEmpty();
    }

    @Test
    void theRowsOfPagesGoneAreForgottenAndThePresentStay() {
        GameInfo game = workspace.game();
        StaffMember lin = member("小林", game);
        StaffMember wang = member("小王", game);
        StaffMember zhao = member("小赵", game);
        UUID ticket = workspace.ticket(game, "p-3", "bug").ticket().id();
        presence.here(ticket, lin.id(), lin.displayName(), Activity.VIEWING);
        clock.shift(TicketPresence.EXPIRY.plusSeconds(1));
        presence.here(ticket, wang.id(), wang.displayName(), Activity.REPLYING);

        assertThat(presence.forgetTheGone()).isGreaterThanOrEqualTo(1);
        assertThat(presence.besides(ticket, zhao.id()))
                .containsExactly(new Colleague(wang.id(), "小王", Activity.REPLYING));
        // a page that comes back after its row was forgotten is seen again
        assertThat(presence.here(ticket, lin.id(), lin.displayName(), Activity.VIEWING)).extracting(Colleague::name)
                .containsExactly("小王");
    }

    @Test
    void theTicketPageAsksWhoElseIsThereAndIsToldWhatWasWrittenSinceItOpened() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lin = member("小林", game);
        StaffMember wang = member("小王", game);
        StaffMember outsider = member("外人", workspace.game());
        Opened opened = workspace.ticket(game, "p-4", "bug");
        UUID ticket = opened.ticket().id();
        UUID seen = queries.details(ticket, true).messages().getLast().id();

        String page = mvc.perform(get("/console/tickets/{id}", ticket).with(as(lin)).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-presence", "name=\"seen\" value=\"" + seen + "\"", "/js/presence.js",
                "/js/mentions.js", "data-mentions=\"/console/tickets/" + ticket + "/colleagues\"");

        mvc.perform(post("/console/tickets/{id}/presence", ticket).param("activity", "replying").param("seen",
                seen.toString()).with(as(wang)).with(csrf()).locale(Locale.ENGLISH)).andExpect(status().isOk());
        desk.reply(ticket, Actor.agent(wang.id(), wang.displayName()), "我来处理", List.of(), null);
        desk.reply(ticket, Actor.player(opened.ticket().playerId(), "玩家p-4"), "好的", List.of(), null);

        mvc.perform(post("/console/tickets/{id}/presence", ticket).param("activity", "viewing")
                        .param("seen", seen.toString()).with(as(lin)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("小王 is replying to this ticket")))
                .andExpect(content().string(containsString("小王 replied")))
                .andExpect(content().string(containsString("玩家p-4 (the player) wrote")));
        mvc.perform(post("/console/tickets/{id}/presence", ticket).param("seen", seen.toString())
                        .with(as(wang)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(containsString("小林 正在查看此工单")))
                .andExpect(content().string(containsString("玩家 玩家p-4 发来了消息")))
                .andExpect(content().string(not(containsString("小王 已回复"))));

        // staff of another game do not learn the ticket exists, nor whom a note on it may mention
        mvc.perform(post("/console/tickets/{id}/presence", ticket).with(as(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/tickets/{id}/colleagues", ticket).with(as(outsider)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/tickets/{id}/colleagues", ticket).with(as(lin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '" + wang.username() + "')].name").value("小王"))
                .andExpect(jsonPath("$[?(@.username == '" + lin.username() + "')]").isEmpty())
                .andExpect(jsonPath("$[?(@.username == '" + outsider.username() + "')]").isEmpty());

        mvc.perform(post("/console/tickets/{id}/presence/leave", ticket).with(as(wang)).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(presence.besides(ticket, lin.id())).isEmpty();
    }

    @Test
    void aReplyIsHeldBackWhenOthersWroteSinceThePageWasOpenedAndSentWhenTheAgentConfirms() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lin = member("小林", game);
        StaffMember wang = member("小王", game);
        Opened opened = workspace.ticket(game, "p-5", "bug");
        UUID ticket = opened.ticket().id();
        UUID seen = queries.details(ticket, true).messages().getLast().id();
        desk.reply(ticket, Actor.agent(wang.id(), wang.displayName()), "我来处理", List.of(), null);
        desk.note(ticket, Actor.agent(wang.id(), wang.displayName()), "已转技术", List.of());
        desk.reply(ticket, Actor.player(opened.ticket().playerId(), "玩家p-5"), "好的", List.of(), null);

        mvc.perform(multipart("/console/tickets/{id}/reply", ticket).param("body", "您好，已为您处理")
                        .param("then", "resolved").param("seen", seen.toString()).with(as(lin)).with(csrf()))
                .andExpect(redirectedUrl("/console/tickets/" + ticket))
                .andExpect(flash().attribute("staleReply", List.of(new Unseen("reply", "小王"),
                        new Unseen("note", "小王"), new Unseen("player", "玩家p-5"))))
                .andExpect(flash().attribute("draft", "您好，已为您处理"))
                .andExpect(flash().attribute("draftThen", "resolved"))
                .andExpect(flash().attribute("failedForm", "reply"));
        assertThat(queries.details(ticket, true).messages()).as("nothing sent").hasSize(4);

        // the page says who wrote, in the reader's language, keeps the draft and the status chosen
        String page = mvc.perform(get("/console/tickets/{id}", ticket).with(as(lin)).locale(Locale.ENGLISH)
                        .flashAttrs(Map.of("staleReply", List.of(new Unseen("reply", "小王"),
                                new Unseen("player", "玩家p-5")), "draft", "您好，已为您处理", "draftThen", "resolved",
                                "failedForm", "reply")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"stale-warning\"", "小王 replied", "玩家p-5 (the player) wrote",
                "data-testid=\"reply-send-anyway\"", ">Send anyway<", ">您好，已为您处理</textarea>")
                .containsPattern("<option value=\"resolved\"\\s+selected=\"selected\">");

        mvc.perform(multipart("/console/tickets/{id}/reply", ticket).param("body", "您好，已为您处理")
                        .param("then", "resolved").param("seen", seen.toString()).param("confirm", "stale")
                        .with(as(lin)).with(csrf()))
                .andExpect(flash().attribute("notice", "ticket.notice.replied"));
        List<MessageView> messages = queries.details(ticket, true).messages();
        assertThat(messages).hasSize(5);
        assertThat(messages.getLast().body()).isEqualTo("您好，已为您处理");
        assertThat(queries.head(ticket).status()).isEqualTo(TicketStatus.RESOLVED);
    }

    @Test
    void onlyWhatOthersWroteHoldsAReplyBack() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lin = member("小林", game);
        UUID ticket = workspace.ticket(game, "p-6", "bug").ticket().id();
        UUID seen = queries.details(ticket, true).messages().getLast().id();
        desk.note(ticket, Actor.agent(lin.id(), lin.displayName()), "先查一下日志", List.of());

        mvc.perform(multipart("/console/tickets/{id}/reply", ticket).param("body", "正在处理")
                        .param("seen", seen.toString()).with(as(lin)).with(csrf()))
                .andExpect(flash().attribute("notice", "ticket.notice.replied"));
        UUID last = queries.details(ticket, true).messages().getLast().id();
        // read up to the newest message: nothing new
        mvc.perform(multipart("/console/tickets/{id}/reply", ticket).param("body", "还在处理")
                        .param("seen", last.toString()).with(as(lin)).with(csrf()))
                .andExpect(flash().attribute("notice", "ticket.notice.replied"));
        // a marker that is not a message of this ticket: everything by others counts as unseen
        mvc.perform(multipart("/console/tickets/{id}/reply", ticket).param("body", "再看看")
                        .param("seen", UUID.randomUUID().toString()).with(as(lin)).with(csrf()))
                .andExpect(flash().attribute("staleReply", List.of(new Unseen("player", "玩家p-6"))));
        assertThat(queries.details(ticket, true).messages()).hasSize(4);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        @Primary
        StoppedClock stoppedClock() {
            return new StoppedClock();
        }
    }
}
