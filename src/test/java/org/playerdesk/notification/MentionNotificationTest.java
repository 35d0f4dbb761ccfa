package org.playerdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestMail;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.util.GreenMail;

/**
 * A colleague mentioned in an internal note is told in the console, with a link to the note, and
 * by email when they chose so, in their own language, over a real SMTP server (GreenMail in this
 * process); a mention of someone who cannot see the ticket is refused in the reader's language,
 * with nothing stored and the note kept for the author.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class MentionNotificationTest {

    static final GreenMail MAIL = TestMail.started();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry properties) {
        TestMail.use(properties, MAIL);
        properties.add("playerdesk.notifications.mail-from", () -> "desk@playerdesk.test");
        properties.add("playerdesk.notifications.public-url", () -> "https://desk.example.com/");
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @Autowired
    TestWorkspace workspace;
    @Autowired
    StaffDirectory staff;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries tickets;
    @Autowired
    Notifications notifications;
    @Autowired
    MockMvc mvc;

    private StaffMember member(String name, String locale, GameInfo game) {
        return staff.enrol(TestWorkspace.unique("u"), name, TestWorkspace.PASSWORD, StaffRole.AGENT_L1, locale,
                Set.of(game.id()));
    }

    private static Actor actor(StaffMember member) {
        return Actor.agent(member.id(), member.displayName());
    }

    private static RequestPostProcessor as(StaffMember member) {
        return user(new StaffUser(member, ""));
    }

    private static List<MimeMessage> mailTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(address);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(MimeMessage message) {
        try {
            return new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aMentionedColleagueIsToldInTheConsoleAndByEmailWhenTheyChoseItInTheirLanguage() throws Exception {
        GameInfo game = workspace.game();
        StaffMember author = member("小张", "zh-CN", game);
        StaffMember lin = member("小林", "zh-CN", game);
        StaffMember wang = member("Wang", "en", game);
        StaffMember zhao = member("小赵", "zh-CN", game);
        String linMail = TestWorkspace.unique("lin") + "@studio.test";
        String wangMail = TestWorkspace.unique("wang") + "@studio.test";
        notifications.chooseEmail(lin.id(), linMail, true);
        notifications.chooseEmail(wang.id(), wangMail, true);
        notifications.chooseEmail(zhao.id(), TestWorkspace.unique("zhao") + "@studio.test", false);
        Opened opened = workspace.ticket(game, "p-1", "bug");
        UUID ticket = opened.ticket().id();

        MessageView note = desk.noteMentioning(ticket, actor(author), "请@" + lin.username() + "看一下充值记录，@"
                + wang.username().toUpperCase(Locale.ROOT) + ". 也请 @" + zhao.username() + " 跟进；我自己 @"
                + author.username() + "，玩家邮箱 player@example.com", List.of());

        String link = "/console/tickets/" + ticket + "#message-" + note.id();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (StaffMember told : List.of(lin, wang, zhao)) {
                assertThat(notifications.recent(told.id(), 10)).singleElement().satisfies(n -> {
                    assertThat(n.kind()).isEqualTo("ticket.mention");
                    assertThat(n.link()).isEqualTo(link);
                    assertThat(n.ticketId()).isEqualTo(ticket);
                    assertThat(n.args()).containsExactly("小张", String.valueOf(opened.ticket().number()),
                            opened.ticket().subject());
                });
            }
            assertThat(mailTo(linMail)).hasSize(1);
            assertThat(mailTo(wangMail)).hasSize(1);
        });
        assertThat(notifications.recent(author.id(), 10)).as("mentioning oneself tells nobody").isEmpty();

        MimeMessage chinese = mailTo(linMail).getFirst();
        assertThat(chinese.getSubject()).isEqualTo("[PlayerDesk] 小张 在工单 #" + opened.ticket().number() + " 中提到了您");
        assertThat(chinese.getFrom()[0].toString()).isEqualTo("desk@playerdesk.test");
        assertThat(text(chinese)).contains("看一下充值记录", "https://desk.example.com" + link,
                "https://desk.example.com/console/notifications/settings");
        MimeMessage english = mailTo(wangMail).getFirst();
        assertThat(english.getSubject()).isEqualTo("[PlayerDesk] 小张 mentioned you on ticket #"
                + opened.ticket().number());
        assertThat(text(english)).contains("mentioned you in an internal note", "https://desk.example.com" + link);

        // the notice reads in the reader's language and leads to the note
        mvc.perform(get("/console/notifications").with(as(lin)).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(content().string(containsString("小张 在工单 #" + opened.ticket().number())))
                .andExpect(content().string(containsString("href=\"" + link + "\"")));
        assertThat(mvc.perform(get("/console/tickets/{id}", ticket).with(as(lin))).andReturn().getResponse()
                .getContentAsString()).contains("id=\"message-" + note.id() + "\"");
    }

    @Test
    void aMentionOfSomeoneWhoCannotSeeTheTicketIsRefusedAndNothingIsStored() {
        GameInfo game = workspace.game();
        StaffMember author = member("小张", "zh-CN", game);
        StaffMember outsider = member("外人", "zh-CN", workspace.game());
        StaffMember colleague = member("小林", "zh-CN", game);
        UUID ticket = workspace.ticket(game, "p-2", "bug").ticket().id();

        assertThatThrownBy(() -> desk.noteMentioning(ticket, actor(author), "@" + outsider.username() + " 和 @"
                + colleague.username() + " 和 @nobody-" + TestWorkspace.unique("x"), List.of()))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> {
                    assertThat(invalid.errors()).extracting(InvalidInput.FieldError::field).containsOnly("message");
                    assertThat(invalid.errors()).extracting(InvalidInput.FieldError::key)
                            .containsExactly("invalid.mention.cannotSee", "invalid.mention.unknown");
                    assertThat(invalid.errors().getFirst().arguments())
                            .containsExactly("外人", "@" + outsider.username());
                });
        assertThat(tickets.details(ticket, true).messages()).as("no note").hasSize(1);

        // notes written by rules, departments or PlayerDesk mention nobody: an @ there is plain text
        desk.note(ticket, Actor.SYSTEM, "转交 @" + outsider.username(), List.of());
        assertThat(tickets.details(ticket, true).messages()).hasSize(2);
    }

    @Test
    void theConsoleKeepsARefusedNoteAndSaysWhyInTheReadersLanguage() throws Exception {
        GameInfo game = workspace.game();
        StaffMember author = member("小张", "zh-CN", game);
        StaffMember outsider = member("外人", "zh-CN", workspace.game());
        UUID ticket = workspace.ticket(game, "p-3", "bug").ticket().id();
        String draft = "请 @" + outsider.username() + " 看看";

        mvc.perform(multipart("/console/tickets/{id}/note", ticket).param("body", draft).with(as(author)).with(csrf())
                        .locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(redirectedUrl("/console/tickets/" + ticket))
                .andExpect(flash().attribute("failedForm", "note"))
                .andExpect(flash().attribute("draft", draft))
                .andExpect(flash().attribute("errors", Map.of("message", List.of("外人（@" + outsider.username()
                        + "）不负责此工单的游戏，看不到此工单：请删除该提及，或选择负责该游戏的同事。备注未添加。"))));
        mvc.perform(multipart("/console/tickets/{id}/note", ticket).param("body", draft).with(as(author)).with(csrf())
                        .locale(Locale.ENGLISH))
                .andExpect(flash().attribute("errors", Map.of("message", List.of("外人 (@" + outsider.username()
                        + ") cannot see this ticket, as they do not serve its game: remove the mention or choose a"
                        + " colleague who does. The note was not added."))));
        assertThat(tickets.details(ticket, true).messages()).hasSize(1);
    }

    @Test
    void aMemberChoosesEmailOnlyWithAnAddressThatLooksLikeOne() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lin = member("小林", "zh-CN", game);
        assertThat(notifications.emailChoice(lin.id())).isEqualTo(EmailChoice.NONE);

        assertThatThrownBy(() -> notifications.chooseEmail(lin.id(), " ", true))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidInput.FieldError::key).containsExactly("invalid.emailNeeded"));
        assertThatThrownBy(() -> notifications.chooseEmail(lin.id(), "lin at studio", true))
                .isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.errors())
                        .extracting(InvalidInput.FieldError::key).containsExactly("invalid.email"));
        assertThat(notifications.emailChoice(lin.id())).isEqualTo(EmailChoice.NONE);

        mvc.perform(post("/console/notifications/settings").param("address", "lin at studio").param("mentions", "true")
                        .with(as(lin)).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不是有效的电子邮箱地址。")))
                .andExpect(content().string(containsString("value=\"lin at studio\"")));
        mvc.perform(post("/console/notifications/settings").param("address", " lin@studio.test ")
                        .param("mentions", "true").with(as(lin)).with(csrf()))
                .andExpect(redirectedUrl("/console/notifications/settings"))
                .andExpect(flash().attribute("notice", "notification.settings.saved"));
        assertThat(notifications.emailChoice(lin.id())).isEqualTo(new EmailChoice("lin@studio.test", true));
        mvc.perform(get("/console/notifications/settings").with(as(lin)).locale(Locale.ENGLISH))
                .andExpect(content().string(containsString("value=\"lin@studio.test\"")))
                .andExpect(content().string(containsString("Email me when a colleague mentions me")));

        // unticked: the address stays, nothing is emailed
        notifications.chooseEmail(lin.id(), "lin@studio.test", false);
        assertThat(notifications.emailChoice(lin.id()).emailsMentions()).isFalse();
    }

    @Test
    void aNoticeSentOnceIsNotSentAgain() {
        StaffMember lin = member("小林", "zh-CN", workspace.game());
        Notice notice = new Notice("ticket.mention", "notification.mention", List.of("小张", "1", "标题"),
                "/console/tickets/x#message-y", null);
        assertThat(notifications.sendOnce(lin.id(), notice)).isTrue();
        assertThat(notifications.sendOnce(lin.id(), notice)).isFalse();
        assertThat(notifications.recent(lin.id(), 10)).hasSize(1);
    }
}
