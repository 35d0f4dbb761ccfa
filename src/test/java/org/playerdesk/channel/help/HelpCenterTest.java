package org.playerdesk.channel.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.Upload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The players' help center as a player (and a browser) meets it, through the whole application. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class HelpCenterTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    static final Pattern LINK = Pattern.compile("/help/([a-z0-9-]+)/t/([A-Za-z0-9_-]+)");

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries queries;

    GameInfo game;
    Actor agent;

    @BeforeEach
    void aGameWithAnAgent() {
        game = workspace.game();
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        agent = Actor.agent(member.id(), member.displayName());
    }

    // --- submitting a ticket ---

    @Test
    void submittedTicketLeadsToItsPrivateLinkShowingTicketAndMessage() throws Exception {
        MvcResult submitted = mvc.perform(form("bug", "角色卡在地图边缘", "昨晚更新后角色卡住了，无法移动", "acc-1001",
                "player@example.com").param("nickname", "小明").param("server", "S3").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String link = submitted.getResponse().getRedirectedUrl();
        assertThat(link).matches(LINK);
        assertThat(ticketCount()).isEqualTo(1);

        String page = mvc.perform(get(link).flashAttrs(submitted.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"ticket-opened\"", "请保存此链接", "角色卡在地图边缘",
                "昨晚更新后角色卡住了，无法移动", "游戏BUG", "已收到，客服将尽快处理");
        assertThat(testIdText(page, "follow-link")).isEqualTo("http://localhost" + link);

        TicketDetails stored = queries.details(onlyTicket(), true);
        assertThat(stored.ticket().channel()).isEqualTo(TicketChannel.WEB);
        assertThat(stored.contactEmail()).isEqualTo("player@example.com");
    }

    @Test
    void linkWithoutTheJustSubmittedNoticeStillShowsTheAddressToKeep() throws Exception {
        Opened opened = workspace.ticket(game, "acc-7", "payment");
        String page = page(link(opened));
        assertThat(page).doesNotContain("data-testid=\"ticket-opened\"");
        assertThat(testIdText(page, "follow-link")).isEqualTo("http://localhost" + link(opened));
        assertThat(page).contains("请勿泄露此链接");
    }

    @Test
    void everyMissingRequiredFieldIsNamedAndNothingIsWritten() throws Exception {
        String page = mvc.perform(multipart("/help/{game}/tickets", game.code()).with(csrf())
                        .header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(testIdText(page, "error-type")).isEqualTo("Please choose one of the options.");
        for (String field : List.of("subject", "description", "accountId", "email")) {
            assertThat(testIdText(page, "error-" + field)).as(field).isEqualTo("Please fill in this field.");
        }
        assertThat(page).doesNotContain("data-testid=\"error-nickname\"", "data-testid=\"error-server\"");
        assertThat(ticketCount()).isZero();
    }

    @Test
    void deskRulesAreExplainedNextToTheFieldsInThePlayersLanguageWithTheEnteredValuesKept() throws Exception {
        String page = mvc.perform(form("refund_me_now", "s".repeat(500), "第一行\u0007响铃", "acc-2", "not-an-email")
                        .param("nickname", "阿强").with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(testIdText(page, "error-type")).isEqualTo("请从选项中选择一项。");
        assertThat(testIdText(page, "error-subject")).isEqualTo("最多 200 个字符，请精简内容。");
        assertThat(testIdText(page, "error-description")).isEqualTo("请删除其中不可见的控制字符。");
        assertThat(testIdText(page, "error-email")).isEqualTo("请输入有效的邮箱地址，例如 name@example.com。");
        assertThat(page).contains("value=\"" + "s".repeat(500) + "\"", "value=\"not-an-email\"", "value=\"阿强\"",
                "value=\"acc-2\"");
        assertThat(ticketCount()).isZero();
    }

    @Test
    void aHugeDescriptionIsRefusedAsTooLongNotAsAnError() throws Exception {
        mvc.perform(form("bug", "卡顿", "很".repeat(50_000), "acc-3", "p@example.com").with(csrf()))
                .andExpect(status().isBadRequest());
        assertThat(ticketCount()).isZero();
    }

    @Test
    void aScriptInTheSubjectIsShownAsText() throws Exception {
        String script = "<script>alert('x')</script>";
        MvcResult submitted = mvc.perform(form("complaint", script, "<b>bold?</b> " + script, "acc-4",
                "p@example.com").with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        String page = page(submitted.getResponse().getRedirectedUrl());
        assertThat(page).doesNotContain(script, "<b>bold?</b>");
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;bold?&lt;/b&gt;");
    }

    @Test
    void aFileOfAKindThatIsNotAcceptedIsExplainedAndNothingIsWritten() throws Exception {
        String page = mvc.perform(form("bug", "截图", "见附件", "acc-5", "p@example.com")
                        .file(new MockMultipartFile("files", "run.exe", "application/octet-stream", new byte[] { 'M', 'Z', 0, 0 }))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(testIdText(page, "error-files")).startsWith("不支持此类文件");
        assertThat(ticketCount()).isZero();
    }

    @Test
    void anEmptyFilePickerIsNotAnAttachment() throws Exception {
        mvc.perform(form("bug", "无附件", "没有附件", "acc-6", "p@example.com")
                        .file(new MockMultipartFile("files", "", "application/octet-stream", new byte[0])).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(queries.details(onlyTicket(), false).messages().getFirst().attachments()).isEmpty();
    }

    @Test
    void submittingWithoutTheCsrfTokenIsRefusedAndNothingIsWritten() throws Exception {
        mvc.perform(form("bug", "标题", "描述", "acc-8", "p@example.com"))
                .andExpect(status().isForbidden());
        assertThat(ticketCount()).isZero();
    }

    // --- the private link ---

    @Test
    void privateLinkShowsPublicMessagesSignedBySupportButNeverInternalNotes() throws Exception {
        Opened opened = workspace.ticket(game, "acc-10", "payment");
        desk.note(opened.ticket().id(), agent, "内部备注：疑似小号刷币，勿告知玩家", List.of());
        desk.reply(opened.ticket().id(), agent, "您好，已为您补发", List.of(), null);

        String page = page(link(opened));
        assertThat(testIdTexts(page, "message-body")).containsExactly("玩家的问题描述", "您好，已为您补发");
        assertThat(testIdTexts(page, "message-author")).containsExactly("您", "客服 · " + agent.name());
        assertThat(page).doesNotContain("内部备注");
    }

    @Test
    void playerReplyThroughTheLinkReopensAResolvedTicket() throws Exception {
        Opened opened = workspace.ticket(game, "acc-11", "payment");
        desk.reply(opened.ticket().id(), agent, "已处理，请查收", List.of(), TicketStatus.RESOLVED);

        MvcResult replied = mvc.perform(multipart(link(opened) + "/messages").param("message", "还是没有到账")
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", link(opened)))
                .andReturn();

        assertThat(queries.head(opened.ticket().id()).status()).isEqualTo(TicketStatus.OPEN);
        String page = mvc.perform(get(link(opened)).flashAttrs(replied.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(testIdTexts(page, "message-body")).last().isEqualTo("还是没有到账");
        assertThat(page).contains("您的回复已发送。", "客服正在处理");
    }

    @Test
    void anEmptyReplyIsRefusedNextToTheTextBox() throws Exception {
        Opened opened = workspace.ticket(game, "acc-12", "bug");
        String page = mvc.perform(multipart(link(opened) + "/messages").param("message", "  ").with(csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(testIdText(page, "error-message")).isEqualTo("请填写此项。");
        assertThat(queries.details(opened.ticket().id(), true).messages()).hasSize(1);
    }

    @Test
    void aClosedTicketOffersANewTicketInsteadOfTheReplyForm() throws Exception {
        Opened opened = workspace.ticket(game, "acc-13", "bug");
        desk.changeStatus(opened.ticket().id(), TicketStatus.RESOLVED, agent);
        desk.changeStatus(opened.ticket().id(), TicketStatus.CLOSED, agent);

        String page = page(link(opened));
        assertThat(page).contains("data-testid=\"ticket-closed\"", "data-testid=\"new-ticket\"", "已关闭");
        assertThat(page).doesNotContain("data-testid=\"reply-body\"", "data-testid=\"reply-send\"");

        // a reply form left open in another tab is answered with the reason, not an error
        MvcResult late = mvc.perform(multipart(link(opened) + "/messages").param("message", "还在吗").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(late.getFlashMap().get("problem")).isEqualTo("工单已关闭，如需帮助请提交新工单。");
        assertThat(queries.details(opened.ticket().id(), true).messages()).hasSize(1);
    }

    @Test
    void aWrongLinkAndAnotherGamesLinkGetTheSameNotFoundPage() throws Exception {
        GameInfo other = workspace.game();
        Opened othersTicket = workspace.ticket(other, "acc-14", "bug");

        String wrong = notFound("/help/" + game.code() + "/t/not-a-real-token-at-all");
        String borrowed = notFound("/help/" + game.code() + "/t/" + othersTicket.followToken());
        assertThat(main(borrowed)).isEqualTo(main(wrong)).contains("页面不存在").doesNotContain("测试工单");
        notFound("/help/" + game.code() + "/t/" + othersTicket.followToken() + "/attachments/" + UUID.randomUUID());
        assertThat(main(notFound("/help/" + other.code() + "/t/" + othersTicket.followToken() + "/typo")))
                .contains("页面不存在");
        mvc.perform(multipart("/help/" + game.code() + "/t/" + othersTicket.followToken() + "/messages")
                .param("message", "hi").with(csrf())).andExpect(status().isNotFound());
        assertThat(queries.details(othersTicket.ticket().id(), true).messages()).hasSize(1);
    }

    @Test
    void anUnknownGameIsNotFound() throws Exception {
        assertThat(notFound("/help/no-such-game-" + UUID.randomUUID())).contains("页面不存在");
    }

    // --- attachments ---

    @Test
    void aPublicAttachmentDownloadsSafelyUnderItsChineseName() throws Exception {
        Opened opened = withFiles(new Upload("截图 1.png", PNG), new Upload("日志.txt", "line\n".getBytes()));
        List<MessageView> messages = queries.details(opened.ticket().id(), false).messages();
        UUID image = messages.getFirst().attachments().get(0).id();
        UUID text = messages.getFirst().attachments().get(1).id();

        MvcResult png = mvc.perform(get(link(opened) + "/attachments/" + image))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Content-Disposition",
                        "inline; filename=\"__ 1.png\"; filename*=UTF-8''%E6%88%AA%E5%9B%BE%201.png"))
                .andReturn();
        assertThat(png.getResponse().getContentAsByteArray()).isEqualTo(PNG);

        mvc.perform(get(link(opened) + "/attachments/" + text))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));

        String page = page(link(opened));
        assertThat(page).contains("截图 1.png", link(opened) + "/attachments/" + image);
    }

    @Test
    void internalAttachmentsAndOtherTicketsFilesAreNotFound() throws Exception {
        Opened opened = withFiles();
        MessageView note = desk.note(opened.ticket().id(), agent, "内部截图", List.of(new Upload("内部.png", PNG)));
        Opened another = withFiles(new Upload("别人的.png", PNG));
        UUID anothersFile = queries.details(another.ticket().id(), false).messages().getFirst().attachments().getFirst().id();

        notFound(link(opened) + "/attachments/" + note.attachments().getFirst().id());
        notFound(link(opened) + "/attachments/" + anothersFile);
        notFound(link(opened) + "/attachments/not-a-uuid");
        assertThat(page(link(opened))).doesNotContain("内部.png", "内部截图");
    }

    // --- language, headers, resources ---

    @Test
    void speaksEnglishOrChinese() throws Exception {
        assertThat(page("/help/" + game.code() + "?lang=en")).contains("lang=\"en\"", "Submit a ticket",
                "Following your ticket", "Ban appeal", "测试游戏 Help center");
        assertThat(page("/help/" + game.code() + "?lang=zh-CN")).contains("lang=\"zh-CN\"", "提交工单",
                "如何查看工单进度", "封号申诉", "测试游戏 帮助中心");
        assertThat(mvc.perform(get("/help/{game}", game.code()).header("Accept-Language", "en-US,en;q=0.8"))
                .andReturn().getResponse().getContentAsString()).contains("Submit a ticket");
        assertThat(page("/help/" + game.code())).contains("提交工单");

        Opened opened = workspace.ticket(game, "acc-20", "bug");
        assertThat(page(link(opened) + "?lang=en")).contains("Received, support will look at it soon",
                "Send reply", "Keep this link to yourself");
    }

    @Test
    void helpCenterPagesSendNoReferrerAndLoadNothingFromOtherSites() throws Exception {
        Opened opened = workspace.ticket(game, "acc-21", "bug");
        for (String path : List.of("/help/" + game.code(), link(opened), "/help/" + game.code() + "/t/wrong")) {
            MvcResult result = mvc.perform(get(path)).andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andReturn();
            String page = result.getResponse().getContentAsString();
            Matcher resource = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(page);
            while (resource.find()) {
                String url = resource.group(1);
                if (!url.equals("http://localhost" + link(opened))) {
                    assertThat(url).as(path).doesNotContain("//").doesNotStartWith("http");
                }
            }
        }
    }

    @Test
    void aPageRenderedAfterAPostSwitchesLanguageWithoutAnError() throws Exception {
        mvc.perform(get("/help/{game}/tickets", game.code()).param("lang", "en"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/help/" + game.code()));
        Opened opened = workspace.ticket(game, "acc-22", "bug");
        mvc.perform(get(link(opened) + "/messages"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", link(opened)));
    }

    // --- helpers ---

    private MockMultipartHttpServletRequestBuilder form(String type, String subject, String description,
            String accountId, String email) {
        MockMultipartHttpServletRequestBuilder request = multipart("/help/{game}/tickets", game.code());
        Map.of("type", type, "subject", subject, "description", description, "accountId", accountId, "email", email)
                .forEach(request::param);
        return request;
    }

    private Opened withFiles(Upload... files) {
        return desk.open(new NewTicket(game.id(), PlayerIdentity.of(TestWorkspace.unique("acc")), "bug", "web", null,
                "带附件", "见附件", "p@example.com", null, true), List.of(files));
    }

    private String link(Opened opened) {
        return "/help/" + game.code() + "/t/" + opened.followToken();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private String notFound(String path) throws Exception {
        return mvc.perform(get(path)).andExpect(status().isNotFound()).andReturn().getResponse()
                .getContentAsString();
    }

    private int ticketCount() {
        return queries.search(new TicketFilter(null, game.id(), null, null, null, null, null, false, null, null, null,
                TicketFilter.Order.NEWEST), 0, 100).getNumberOfElements();
    }

    private UUID onlyTicket() {
        return queries.search(new TicketFilter(null, game.id(), null, null, null, null, null, false, null, null, null,
                TicketFilter.Order.NEWEST), 0, 100).getContent().getFirst().id();
    }

    private static String main(String page) {
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }

    /** The text of the one element with this data-testid (elements without nested tags). */
    static String testIdText(String page, String testId) {
        List<String> texts = testIdTexts(page, testId);
        assertThat(texts).as(testId).hasSize(1);
        return texts.getFirst();
    }

    static List<String> testIdTexts(String page, String testId) {
        Matcher matcher = Pattern.compile("<(\\w+)[^>]*data-testid=\"" + Pattern.quote(testId) + "\"[^>]*>([^<]*)</\\1>")
                .matcher(page);
        List<String> texts = new ArrayList<>();
        while (matcher.find()) {
            texts.add(org.springframework.web.util.HtmlUtils.htmlUnescape(matcher.group(2)));
        }
        return texts;
    }

}
