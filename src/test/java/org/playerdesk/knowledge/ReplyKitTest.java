package org.playerdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.internal.Macro;
import org.playerdesk.knowledge.internal.ReplyKit;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Canned replies, macros and forbidden phrases, on the ticket page and in their console page. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ReplyKitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    ReplyKit kit;
    @Autowired
    TicketQueries tickets;

    @Test
    void aNewGameGetsTheStandardPhrasesAndTheTicketPageOffersThemFilledIn() throws Exception {
        GameInfo game = workspace.game();
        await().atMost(Duration.ofSeconds(30)).until(() -> !kit.forbidden(game.id()).isEmpty());
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        Opened opened = workspace.ticket(game, "kit-player", "bug");

        String page = mvc.perform(get("/console/tickets/{id}", opened.ticket().id()).with(user(agent))
                .locale(Locale.ENGLISH)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("data-testid=\"reply-kit\"", "请问您的游戏账号是多少？", "玩家kit-player您好",
                "工单 #" + opened.ticket().number(), "data-bare=\"true\"", "你懂不懂", "/js/reply-kit.js");
    }

    @Test
    void aMacroRepliesAndSetsTheTicketsFieldsInOneAction() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        Opened opened = workspace.ticket(game, "macro-player", "bug");
        Macro macro = kit.addMacro(game.id(), "被盗受理", "{player.nickname}您好，已受理您的被盗申诉。", "pending_internal",
                "account_stolen", "high", "stolen, 待核实");

        mvc.perform(post("/console/knowledge/macros/{id}/apply", macro.getId()).param("ticket",
                        opened.ticket().id().toString()).with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("notice", "kb.notice.macroApplied"));

        TicketDetails details = tickets.details(opened.ticket().id(), true);
        TicketView after = details.ticket();
        assertThat(after.status()).isEqualTo(TicketStatus.PENDING_INTERNAL);
        assertThat(after.type()).isEqualTo(TicketType.ACCOUNT_STOLEN);
        assertThat(after.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(after.tags()).contains("stolen", "待核实");
        assertThat(details.messages().getLast().body()).isEqualTo("玩家macro-player您好，已受理您的被盗申诉。");
    }

    @Test
    void aMacroTheTicketsRulesRefuseChangesNothing() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        Opened opened = workspace.ticket(game, "refused-player", "bug");
        Macro closes = kit.addMacro(game.id(), "关闭", "已处理。", "closed", "", "", "");

        mvc.perform(post("/console/knowledge/macros/{id}/apply", closes.getId()).param("ticket",
                        opened.ticket().id().toString()).with(user(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("problem"));

        TicketDetails details = tickets.details(opened.ticket().id(), true);
        assertThat(details.messages()).hasSize(1);
        assertThat(details.ticket().status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void refusesBadRepliesMacrosAndOtherGamesMacros() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        Macro foreign = kit.addMacro(other.id(), "别的游戏", "文本", "", "", "", "");
        Opened opened = workspace.ticket(game, "foreign-player", "bug");

        mvc.perform(post("/console/knowledge/replies").param("game", game.code()).param("stage", "shouting")
                        .param("title", "t").param("body", "b").with(user(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "Please check: stage."));
        mvc.perform(post("/console/knowledge/macros").param("game", game.code()).param("name", "m")
                        .param("reply", "r").param("priority", "whenever").param("tags", "a b <c>")
                        .with(user(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(flash().attribute("problem", "Please check: priority, tags."));
        // each field by its label in the reader's language, never by its machine name
        mvc.perform(post("/console/knowledge/macros").param("game", game.code()).param("name", "m")
                        .param("reply", "r").param("priority", "whenever").param("tags", "a b <c>")
                        .with(user(agent)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(flash().attribute("problem", "请检查：优先级、标签。"));
        mvc.perform(post("/console/knowledge/macros/{id}/apply", foreign.getId()).param("ticket",
                        opened.ticket().id().toString()).with(user(agent)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/knowledge/macros/{id}/apply", UUID.randomUUID()).param("ticket", "nonsense")
                        .with(user(agent)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(tickets.details(opened.ticket().id(), true).messages()).hasSize(1);
    }

    @Test
    void onlyAdministratorsEditTheForbiddenPhrases() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        StaffUser admin = new StaffUser(workspace.staff(StaffRole.ADMIN), "");

        mvc.perform(post("/console/knowledge/forbidden").param("game", game.code()).param("phrases", "随便")
                .with(user(agent)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/console/knowledge/forbidden").param("game", game.code())
                .param("phrases", "你懂不懂\n=不清楚\n\n你懂不懂").with(user(admin)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(kit.forbiddenAsText(game.id()).lines()).containsExactlyInAnyOrder("=不清楚", "你懂不懂");
        assertThat(kit.check(game.id(), "不清楚。")).containsExactly("不清楚");
        assertThat(kit.check(game.id(), "这个你懂不懂")).containsExactly("你懂不懂");
        assertThat(mvc.perform(get("/console/knowledge/replies").param("game", game.code()).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("=不清楚");
    }

    @Test
    void agentsEditCannedRepliesAndMacrosOfTheirGamesOnly() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        StaffUser outsider = new StaffUser(workspace.staff(StaffRole.AGENT_L1, other), "");
        var reply = kit.addReply(game.id(), "zh-CN", "greeting", "问候", "您好");
        Macro macro = kit.addMacro(game.id(), "已修复", "已修复，请重启游戏", "resolved", "bug", "", "fixed");

        String page = mvc.perform(get("/console/knowledge/replies").param("game", game.code()).with(user(agent)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"kb-reply-edit\"", "data-testid=\"kb-macro-edit\"");

        mvc.perform(post("/console/knowledge/replies/{id}", reply.getId()).param("locale", "en").param("stage", "closing")
                        .param("title", "Goodbye").param("body", "Thanks, {player.nickname}!").with(user(agent))
                        .with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "kb.notice.kitSaved"));
        var changed = kit.reply(reply.getId());
        assertThat(changed.locale()).isEqualTo("en");
        assertThat(changed.stage().code()).isEqualTo("closing");
        assertThat(changed.title()).isEqualTo("Goodbye");
        assertThat(changed.body()).isEqualTo("Thanks, {player.nickname}!");

        mvc.perform(post("/console/knowledge/replies/{id}", reply.getId()).param("stage", "closing").param("title", "")
                        .param("body", "x").with(user(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(flash().attribute("problem", "Please check: title."));
        assertThat(kit.reply(reply.getId()).title()).isEqualTo("Goodbye");

        mvc.perform(post("/console/knowledge/macros/{id}", macro.getId()).param("name", "Fixed")
                        .param("reply", "Fixed, please restart").param("status", "").param("type", "")
                        .param("priority", "high").param("tags", "fixed patch").with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Macro edited = kit.macro(macro.getId());
        assertThat(edited.name()).isEqualTo("Fixed");
        assertThat(edited.status()).isNull();
        assertThat(edited.type()).isNull();
        assertThat(edited.priority()).isEqualTo("high");
        assertThat(edited.tags()).containsExactly("fixed", "patch");
        mvc.perform(post("/console/knowledge/macros/{id}", macro.getId()).param("name", "m").param("reply", "r")
                        .param("status", "forever").with(user(agent)).with(csrf()).locale(Locale.ENGLISH))
                .andExpect(flash().attribute("problem", "Please check: status."));

        mvc.perform(post("/console/knowledge/replies/{id}", reply.getId()).param("stage", "greeting")
                .param("title", "hijack").param("body", "x").with(user(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/knowledge/macros/{id}", macro.getId()).param("name", "hijack").param("reply", "x")
                .with(user(outsider)).with(csrf())).andExpect(status().isNotFound());
        assertThat(kit.macro(macro.getId()).name()).isEqualTo("Fixed");
    }
}
