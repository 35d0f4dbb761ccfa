package org.playerdesk.announcement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.incident.IncidentDraft;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Announcements: nothing shows before its publish time or after its expiry, pinned ones first; the
 * help center in the reader's language; the in-game feed with its kinds, pages, refused parameters
 * and ETag; the agents' banner and its closing; and who may write them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class AnnouncementsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    Announcements announcements;
    @Autowired
    Incidents incidents;
    @Autowired
    StoppedClock clock;
    @Autowired
    JsonMapper json;

    private static AnnouncementDraft draft(AnnouncementKind kind, String titleZh, String titleEn, Instant publishAt,
            Instant expiresAt, boolean pinned, boolean toAgents) {
        return new AnnouncementDraft(kind.code(), titleZh, titleZh == null ? null : titleZh + "：正文", titleEn,
                titleEn == null ? null : titleEn + ": the text", null, null, publishAt, expiresAt, pinned, toAgents);
    }

    private static AnnouncementDraft simple(AnnouncementKind kind, String titleZh) {
        return draft(kind, titleZh, null, null, null, false, false);
    }

    private String page(MockHttpServletRequestBuilder request, StaffMember who, int expected) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user(new StaffUser(who, ""))).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(expected);
        return response.getContentAsString();
    }

    private String helpPage(GameInfo game, String lang) throws Exception {
        return mvc.perform(get("/help/{g}", game.code()).param("lang", lang)).andReturn().getResponse()
                .getContentAsString();
    }

    private MockHttpServletResponse feed(String key, String query, String ifNoneMatch) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/v1/notices" + query).header("Authorization", "Bearer " + key);
        if (ifNoneMatch != null) {
            request = request.header("If-None-Match", ifNoneMatch);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private List<String> titles(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        for (JsonNode item : json.readTree(response.getContentAsString())) {
            titles.add(item.path("kind").asString() + ":" + (item.has("title") ? item.path("title").asString()
                    : item.path("text").asString()));
        }
        return titles;
    }

    private List<String> fields(MockHttpServletResponse problem) throws Exception {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : json.readTree(problem.getContentAsString()).path("errors")) {
            fields.add(error.path("field").asString());
        }
        return fields;
    }

    @Test
    void showsNothingBeforeItsPublishTimeNorAfterItsExpiryAndPinnedOnesFirst() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        Instant start = clock.instant();

        AnnouncementView rules = announcements.create(game.id(), simple(AnnouncementKind.RULE_CHANGE, "交易规则调整"), true,
                lead);
        AnnouncementView pinned = announcements.create(game.id(),
                draft(AnnouncementKind.OTHER, "客服工作时间", null, null, null, true, false), true, lead);
        AnnouncementView event = announcements.create(game.id(), draft(AnnouncementKind.EVENT, "春节登录活动", null,
                start.plus(Duration.ofHours(1)), start.plus(Duration.ofHours(3)), false, false), true, lead);
        AnnouncementView draft = announcements.create(game.id(), simple(AnnouncementKind.EVENT, "还没写完的活动"), false,
                lead);

        assertThat(rules.state()).isEqualTo(AnnouncementState.PUBLISHED);
        assertThat(event.state()).isEqualTo(AnnouncementState.SCHEDULED);
        assertThat(draft.state()).isEqualTo(AnnouncementState.DRAFT);
        assertThat(announcements.shown(game.id(), Locale.SIMPLIFIED_CHINESE)).extracting(PublishedAnnouncement::title)
                .containsExactly("客服工作时间", "交易规则调整");
        assertThat(helpPage(game, "zh-CN")).contains("客服工作时间", "交易规则调整").doesNotContain("春节登录活动", "还没写完");

        clock.shift(Duration.ofHours(1));
        assertThat(announcements.get(event.id()).state()).isEqualTo(AnnouncementState.PUBLISHED);
        assertThat(announcements.shown(game.id(), Locale.SIMPLIFIED_CHINESE)).extracting(PublishedAnnouncement::title)
                .as("pinned first, then the newest").containsExactly("客服工作时间", "春节登录活动", "交易规则调整");
        String help = helpPage(game, "zh-CN");
        assertThat(help.indexOf("客服工作时间")).isLessThan(help.indexOf("春节登录活动"));
        assertThat(help.indexOf("春节登录活动")).isLessThan(help.indexOf("交易规则调整"));
        assertThat(help).contains("data-pinned=\"true\"");

        clock.shift(Duration.ofHours(2));
        assertThat(announcements.get(event.id()).state()).isEqualTo(AnnouncementState.EXPIRED);
        assertThat(announcements.shown(game.id(), Locale.SIMPLIFIED_CHINESE)).extracting(PublishedAnnouncement::title)
                .containsExactly("客服工作时间", "交易规则调整");
        assertThat(helpPage(game, "zh-CN")).doesNotContain("春节登录活动");
        assertThat(announcements.list(List.of(game.id()), AnnouncementState.EXPIRED, null, 0).items())
                .extracting(AnnouncementView::id).containsExactly(event.id());
        assertThat(announcements.list(List.of(game.id()), AnnouncementState.DRAFT, AnnouncementKind.EVENT, 0).items())
                .extracting(AnnouncementView::id).containsExactly(draft.id());
        assertThat(announcements.list(List.of(game.id()), null, AnnouncementKind.RULE_CHANGE, 0).items())
                .extracting(AnnouncementView::id).containsExactly(rules.id());

        announcements.withdraw(pinned.id(), lead);
        assertThat(announcements.shown(game.id(), Locale.SIMPLIFIED_CHINESE)).extracting(PublishedAnnouncement::title)
                .containsExactly("交易规则调整");
        assertThatThrownBy(() -> announcements.edit(pinned.id(), simple(AnnouncementKind.OTHER, "改回来"), true, 1, lead))
                .isInstanceOf(RuleViolation.class).extracting(e -> ((RuleViolation) e).code())
                .isEqualTo("announcement.withdrawn");
        assertThatThrownBy(() -> announcements.edit(rules.id(), simple(AnnouncementKind.RULE_CHANGE, "交易规则"), true,
                rules.version() + 5, lead)).isInstanceOf(RuleViolation.class)
                .extracting(e -> ((RuleViolation) e).code()).isEqualTo("announcement.changed-meanwhile");
    }

    @Test
    void theHelpCenterShowsEachReaderTheirLanguageAndTheTextSafely() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        announcements.create(game.id(), new AnnouncementDraft("maintenance", "6 月 1 日停服维护",
                "维护期间无法登录，**补偿 200 钻石**。<script>alert(1)</script> [详情](javascript:alert(1))",
                "Maintenance on 1 June", "You cannot log in meanwhile; **200 diamonds** for everyone.",
                clock.instant().plus(Duration.ofDays(1)), clock.instant().plus(Duration.ofDays(1).plusHours(4)), null,
                null, false, false), true, lead);
        announcements.create(game.id(), simple(AnnouncementKind.EVENT_RESULT, "冲级赛获奖名单"), true, lead);

        String chinese = helpPage(game, "zh-CN");
        assertThat(chinese).contains("data-testid=\"help-announcements\"", "6 月 1 日停服维护",
                "<strong>补偿 200 钻石</strong>", "&lt;script&gt;", "冲级赛获奖名单", "维护时间：")
                .doesNotContain("Maintenance on 1 June", "<script>alert", "javascript:");
        String english = helpPage(game, "en");
        assertThat(english).contains("Maintenance on 1 June", "<strong>200 diamonds</strong>", "Maintenance from")
                .doesNotContain("6 月 1 日停服维护");
        assertThat(english).as("written in Chinese only: the English reader gets the Chinese text")
                .contains("冲级赛获奖名单", "lang=\"zh-CN\"");
        assertThat(helpPage(workspace.game(), "zh-CN")).doesNotContain("help-announcements");
    }

    @Test
    void theFeedCarriesAnnouncementsAndOutagesByKindAPageAtATimeAndAnswers304WhenNothingChanged()
            throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        String key = workspace.apiKey(game);
        Instant now = clock.instant();
        IncidentView outage = incidents.open(game.id(), new IncidentDraft("S3 登录故障", null, "S3", "S3 登录异常，正在修复。",
                "Login on S3 is failing."), Actor.agent(lead.id(), lead.displayName()));
        clock.shift(Duration.ofMinutes(1));
        AnnouncementView maintenance = announcements.create(game.id(), new AnnouncementDraft("maintenance", "停服维护",
                "周四 6:00-10:00 停服维护。", "Maintenance", "Down on Thursday 6:00-10:00.", now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(2).plusHours(4)), null, null, false, false), true, lead);
        clock.shift(Duration.ofMinutes(1));
        AnnouncementView event = announcements.create(game.id(),
                draft(AnnouncementKind.EVENT, "周年庆活动", "Anniversary event", null, null, true, false), true, lead);
        clock.shift(Duration.ofMinutes(1));
        announcements.create(game.id(), simple(AnnouncementKind.EVENT_RESULT, "周年庆获奖名单"), true, lead);

        MockHttpServletResponse asBefore = feed(key, "", null);
        assertThat(titles(asBefore)).as("without kind: the outage notices, as before announcements")
                .containsExactly("outage:S3 登录异常，正在修复。");
        JsonNode outageItem = json.readTree(asBefore.getContentAsString()).get(0);
        assertThat(outageItem.path("incidentId").asString()).isEqualTo(outage.id().toString());
        assertThat(outageItem.has("since")).isTrue();
        assertThat(outageItem.has("title")).isFalse();

        MockHttpServletResponse all = feed(key, "?kind=all&lang=en", null);
        assertThat(titles(all)).containsExactly("event:Anniversary event", "event_result:周年庆获奖名单",
                "maintenance:Maintenance", "outage:Login on S3 is failing.");
        JsonNode items = json.readTree(all.getContentAsString());
        assertThat(items.get(0).path("pinned").asBoolean()).isTrue();
        assertThat(items.get(0).path("lang").asString()).isEqualTo("en");
        assertThat(items.get(0).path("html").asString()).contains("<p>Anniversary event: the text</p>");
        assertThat(items.get(1).path("lang").asString()).isEqualTo("zh-CN");
        assertThat(items.get(2).path("windowStart").asString()).isNotBlank();
        assertThat(items.get(2).path("id").asString()).isEqualTo(maintenance.id().toString());

        assertThat(titles(feed(key, "?kind=event,event_result", null))).containsExactly("event:周年庆活动",
                "event_result:周年庆获奖名单");
        assertThat(titles(feed(key, "?kind=maintenance&kind=outage", null))).containsExactly("maintenance:停服维护",
                "outage:S3 登录异常，正在修复。");

        MockHttpServletResponse first = feed(key, "?kind=all&size=3", null);
        assertThat(titles(first)).hasSize(3);
        assertThat(first.getHeader("Link")).contains("page=1", "size=3", "rel=\"next\"");
        MockHttpServletResponse second = feed(key, "?kind=all&size=3&page=1", null);
        assertThat(titles(second)).containsExactly("outage:S3 登录异常，正在修复。");
        assertThat(second.getHeader("Link")).isNull();

        MockHttpServletResponse bad = feed(key, "?kind=all,bogus&page=-1&size=101", null);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentType()).startsWith("application/problem+json");
        assertThat(fields(bad))
                .containsExactly("kind", "page", "size");
        MockHttpServletResponse notNumbers = feed(key, "?page=one&size=", null);
        assertThat(notNumbers.getStatus()).isEqualTo(400);
        assertThat(fields(notNumbers))
                .containsExactly("page");

        String etag = all.getHeader("ETag");
        assertThat(etag).startsWith("\"");
        MockHttpServletResponse unchanged = feed(key, "?kind=all&lang=en", etag);
        assertThat(unchanged.getStatus()).isEqualTo(304);
        assertThat(unchanged.getContentAsString()).isEmpty();
        assertThat(unchanged.getHeader("ETag")).isEqualTo(etag);
        assertThat(feed(key, "?kind=all&lang=zh-CN", etag).getStatus()).as("another language, another ETag")
                .isEqualTo(200);

        announcements.edit(event.id(), draft(AnnouncementKind.EVENT, "周年庆活动（延长）", "Anniversary event, extended",
                null, null, true, false), true, event.version(), lead);
        MockHttpServletResponse edited = feed(key, "?kind=all&lang=en", etag);
        assertThat(edited.getStatus()).isEqualTo(200);
        assertThat(edited.getHeader("ETag")).isNotEqualTo(etag);
        assertThat(titles(edited)).contains("event:Anniversary event, extended");

        // a scheduled announcement changes the feed when its time comes, without any write
        announcements.create(game.id(), draft(AnnouncementKind.OTHER, "版本更新说明", null,
                clock.instant().plus(Duration.ofMinutes(10)), null, false, false), true, lead);
        String beforeItShows = feed(key, "?kind=all", null).getHeader("ETag");
        assertThat(feed(key, "?kind=all", beforeItShows).getStatus()).isEqualTo(304);
        clock.shift(Duration.ofMinutes(10));
        MockHttpServletResponse shows = feed(key, "?kind=all", beforeItShows);
        assertThat(shows.getStatus()).isEqualTo(200);
        assertThat(titles(shows)).contains("other:版本更新说明");

        // and so does the outage's end
        String withOutage = feed(key, "", null).getHeader("ETag");
        incidents.resolve(outage.id(), false, Actor.agent(lead.id(), lead.displayName()));
        MockHttpServletResponse resolved = feed(key, "", withOutage);
        assertThat(resolved.getStatus()).isEqualTo(200);
        assertThat(resolved.getContentAsString()).isEqualTo("[]");

        assertThat(mvc.perform(get("/api/v1/notices")).andReturn().getResponse().getStatus()).isEqualTo(401);
        assertThat(titles(feed(workspace.apiKey(workspace.game()), "?kind=all", null))).as("another game's").isEmpty();
    }

    @Test
    void agentsSeeTheBannerWhileItIsPublishedUntilTheyCloseIt() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game);
        StaffMember colleague = workspace.staff(StaffRole.AGENT_L2, game);
        StaffMember elsewhere = workspace.staff(StaffRole.AGENT_L1, workspace.game());
        AnnouncementView forAgents = announcements.create(game.id(),
                draft(AnnouncementKind.MAINTENANCE, "今晚 2 点停服，相关工单统一回复", null, null, null, false, true)
                        .withWindow(clock.instant().plus(Duration.ofHours(6)), clock.instant().plus(Duration.ofHours(8))),
                true, lead);
        announcements.create(game.id(), simple(AnnouncementKind.EVENT, "只给玩家看的活动"), true, lead);
        announcements.create(game.id(), draft(AnnouncementKind.OTHER, "明天才给客服看", null,
                clock.instant().plus(Duration.ofDays(1)), null, false, true), true, lead);

        assertThat(page(get("/console/tickets"), agent, 200)).contains("data-testid=\"announcement-banner-slot\"",
                "hx-get=\"/console/announcements/banner\"");
        String banner = page(get("/console/announcements/banner"), agent, 200);
        assertThat(banner).contains("data-testid=\"announcement-banner\"", "今晚 2 点停服")
                .doesNotContain("只给玩家看的活动", "明天才给客服看");
        assertThat(page(get("/console/announcements/banner"), elsewhere, 200))
                .doesNotContain("announcement-banner\"");

        String afterClosing = page(post("/console/announcements/{id}/dismiss", forAgents.id()), agent, 200);
        assertThat(afterClosing).contains("announcement-banners").doesNotContain("今晚 2 点停服");
        assertThat(page(get("/console/announcements/banner"), agent, 200)).doesNotContain("今晚 2 点停服");
        assertThat(page(get("/console/announcements/banner"), colleague, 200)).contains("今晚 2 点停服");
        page(post("/console/announcements/{id}/dismiss", forAgents.id()), agent, 200);

        clock.shift(Duration.ofDays(1));
        assertThat(page(get("/console/announcements/banner"), agent, 200)).contains("明天才给客服看");
        announcements.withdraw(forAgents.id(), lead);
        assertThat(page(get("/console/announcements/banner"), colleague, 200)).doesNotContain("今晚 2 点停服");
    }

    @Test
    void onlyThoseWhoPublishAnnouncementsWriteThemAndBadInputIsRefusedFieldByField() throws Exception {
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        StaffMember agent = workspace.staff(StaffRole.AGENT_VIP, game);
        StaffMember otherLead = workspace.staff(StaffRole.SUPERVISOR, workspace.game());

        assertThat(page(get("/console/tickets"), agent, 200)).doesNotContain("nav-announcements");
        page(get("/console/announcements").param("game", game.code()), agent, 403);
        page(post("/console/announcements").param("game", game.code()).param("kind", "event")
                .param("titleZh", "活动").param("bodyZh", "内容").param("action", "publish"), agent, 403);
        assertThatThrownBy(() -> announcements.create(game.id(), simple(AnnouncementKind.EVENT, "活动"), true, agent))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> announcements.create(game.id(), simple(AnnouncementKind.EVENT, "活动"), true, otherLead))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(announcements.list(List.of(game.id()), null, null, 0).items()).isEmpty();

        assertThat(page(get("/console/announcements").param("game", game.code()), lead, 200))
                .contains("nav-announcements", "data-testid=\"announcement-none\"");
        String refused = page(post("/console/announcements").param("game", game.code()).param("kind", "maintenance")
                .param("titleZh", "停服维护").param("bodyZh", " ").param("titleEn", "").param("windowStart", "明天")
                .param("action", "publish"), lead, 400);
        assertThat(refused).contains("data-testid=\"announcement-problem\"", "维护开始", "停服维护");
        assertThatThrownBy(() -> announcements.create(game.id(), new AnnouncementDraft("maintenance", "停服维护", null,
                null, "Maintenance", clock.instant(), clock.instant().minusSeconds(60), null,
                clock.instant().minusSeconds(1), false, false), true, lead)).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field)
                                .containsExactly("bodyZh", "titleEn", "windowEnd", "expiresAt"));
        assertThatThrownBy(() -> announcements.create(game.id(), new AnnouncementDraft("notice", null, null, null, null,
                null, null, null, null, false, false), false, lead)).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::key)
                                .containsExactly("invalid.choose", "invalid.announcement.language"));
        assertThat(announcements.list(List.of(game.id()), null, null, 0).items()).as("nothing stored").isEmpty();

        // a year after the clock's day, at 08:00 in the game's time zone, Asia/Shanghai
        LocalDate nextYear = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).plusYears(1);
        page(post("/console/announcements").param("game", game.code()).param("kind", "rule_change")
                .param("titleZh", "禁止工作室多开").param("bodyZh", "即日起，同一设备最多登录两个账号。")
                .param("publishAt", nextYear + "T08:00").param("pinned", "true").param("action", "publish"), lead, 302);
        AnnouncementView saved = announcements.list(List.of(game.id()), null, null, 0).items().getFirst();
        assertThat(saved.state()).isEqualTo(AnnouncementState.SCHEDULED);
        assertThat(saved.publishAt()).as("read in the game's time zone, Asia/Shanghai")
                .isEqualTo(nextYear.atTime(8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(saved.pinned()).isTrue();
        assertThat(page(get("/console/announcements").param("game", game.code()).param("state", "scheduled"), lead, 200))
                .contains("禁止工作室多开", "data-state=\"scheduled\"");
        assertThat(page(get("/console/announcements").param("game", game.code()).param("kind", "event"), lead, 200))
                .doesNotContain("禁止工作室多开");
        assertThat(page(get("/console/announcements/{id}", saved.id()), lead, 200)).contains(nextYear + "T08:00");
        page(get("/console/announcements/{id}", saved.id()), otherLead, 404);
        assertThat(page(get("/console/announcements"), workspace.staff(StaffRole.SUPERVISOR), 200))
                .contains("data-testid=\"announcement-no-games\"");
        page(post("/console/announcements/{id}/withdraw", saved.id()), agent, 403);
        page(post("/console/announcements/{id}/withdraw", saved.id()), lead, 302);
        assertThat(announcements.get(saved.id()).state()).isEqualTo(AnnouncementState.WITHDRAWN);
    }
}
