package org.playerdesk.insight.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestMail;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.figures.FigureRollUp;
import org.playerdesk.insight.figures.Settled;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;

/**
 * Scheduled reports and the daily report over a real SMTP server (GreenMail in this process),
 * with a stopped clock: a subscribed report in each subscriber's language with hand-computed
 * figures and its CSV; the daily report made once at a game's local midnight however many nodes
 * sweep, emailed once to each supervisor and kept in the console; who may read what; bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, ScheduledReportsTest.Clocks.class })
class ScheduledReportsTest {

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
    GameCatalog games;
    @Autowired
    StaffDirectory staff;
    @Autowired
    Notifications notifications;
    @Autowired
    TicketDesk desk;
    @Autowired
    FigureRollUp rollUp;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    ReportSchedule schedule;
    @Autowired
    StoppedClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MockMvc mvc;

    @Test
    void aSubscribedReportArrivesInEachSubscribersLanguageWithTheFiguresAndTheirCsv() throws Exception {
        GameProfile game = games.register(TestWorkspace.unique("sub"), "订阅游戏", "zh-CN", "Asia/Shanghai", "always",
                GameProfile.CHANNELS);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game.info());
        StaffMember lin = lead("小林", "zh-CN", game);
        StaffMember wang = lead("Wang", "en", game);
        Actor by = Actor.agent(agent.id(), agent.displayName());
        // Thursday 2 December 2027, 09:00 in Shanghai: answered after 10 minutes, resolved after an hour
        moveTo(Instant.parse("2027-12-02T01:00:00Z"));
        UUID ticket = workspace.ticket(game.info(), "s1", "bug").ticket().id();
        desk.assign(ticket, agent.id(), by);
        clock.shift(Duration.ofMinutes(10));
        desk.reply(ticket, by, "您好，已记录。", List.of(), TicketStatus.PENDING_PLAYER);
        clock.shift(Duration.ofMinutes(50));
        desk.changeStatus(ticket, TicketStatus.RESOLVED, by);
        settle();
        assertThat(jdbc.queryForMap("select status, resolved_day, resolution_seconds from insight_ticket where ticket_id = ?",
                ticket)).containsEntry("status", "resolved").containsEntry("resolution_seconds", 3600L);

        subscriptions.subscribe(reader(lin), SummaryReport.NAME, game.id().toString(), "daily", "08:00", Locale.CHINA);
        subscriptions.subscribe(reader(wang), SummaryReport.NAME, game.id().toString(), "daily", "08:00", Locale.ENGLISH);
        // 07:59 the next morning: not yet; 08:00: the report of Thursday, once however often swept
        moveTo(Instant.parse("2027-12-02T23:59:00Z"));
        schedule.sweep();
        assertThat(reportsTo(lin)).isEmpty();
        moveTo(Instant.parse("2027-12-03T00:00:00Z"));
        schedule.sweep();
        schedule.sweep();

        List<MimeMessage> chinese = reportsTo(lin);
        assertThat(chinese).hasSize(1);
        String zhBody = texts(chinese.getFirst());
        assertThat(zhBody).contains("订阅游戏", "首次响应（中位数）", "10 分钟", "1 小时 00 分钟", "统计周期");
        String zhCsv = attachment(chinese.getFirst());
        assertThat(zhCsv.lines().toList()).containsExactly(
                "\uFEFF游戏,新建,客服回复,已解决,首次响应（中位数）,首次响应（P90）,解决时长（中位数）,解决时长（P90）,SLA 达标,SLA 超时",
                // written as the report's CSV download is: times as h:mm; one target of the game's default
                // service-level policy met (the first response), none breached
                "订阅游戏,1,1,1,0:10,0:10,1:00,1:00,1,0");

        List<MimeMessage> english = reportsTo(wang);
        assertThat(english).hasSize(1);
        assertThat(texts(english.getFirst())).contains("First response, median", "10 min", "1 h 00 min", "Period");
        assertThat(attachment(english.getFirst()).lines().skip(1).findFirst().orElseThrow())
                .startsWith("订阅游戏,1,1,1,0:10,0:10,1:00,1:00,");

        // a lead who no longer serves the game receives nothing for it
        staff.assignGames(wang.id(), Set.of());
        moveTo(Instant.parse("2027-12-04T00:00:00Z"));
        schedule.sweep();
        assertThat(reportsTo(wang)).hasSize(1);
        assertThat(reportsTo(lin)).hasSize(2);
    }

    @Test
    void theDailyReportIsMadeOnceAtTheGamesMidnightSentToEachSupervisorAndKept() throws Exception {
        GameProfile game = games.register(TestWorkspace.unique("day"), "日报游戏", "zh-CN", "Asia/Shanghai", "always",
                GameProfile.CHANNELS);
        GameProfile other = games.register(TestWorkspace.unique("other"), "别的游戏", "zh-CN", "Asia/Shanghai",
                "always", GameProfile.CHANNELS);
        StaffMember agent = workspace.staff(StaffRole.AGENT_L1, game.info());
        StaffMember stranger = workspace.staff(StaffRole.AGENT_L1, other.info());
        StaffMember lin = lead("小林", "zh-CN", game);
        StaffMember wang = lead("Wang", "en", game);
        Actor by = Actor.agent(agent.id(), agent.displayName());
        // Friday 10 December 2027 in Shanghai: two tickets, one answered after 20 minutes, one left new
        moveTo(Instant.parse("2027-12-10T02:00:00Z"));
        UUID answered = workspace.ticket(game.info(), "d1", "bug").ticket().id();
        workspace.ticket(game.info(), "d2", "consultation");
        desk.assign(answered, agent.id(), by);
        clock.shift(Duration.ofMinutes(20));
        desk.reply(answered, by, "您好，正在处理。", List.of(), TicketStatus.PENDING_PLAYER);
        settle();
        LocalDate friday = LocalDate.of(2027, 12, 10);

        // 00:04 on Saturday: not yet
        moveTo(Instant.parse("2027-12-10T16:04:00Z"));
        schedule.sweep();
        assertThat(reports(game, friday)).isZero();

        // 00:05: two nodes sweep at once, one report and one email to each supervisor
        moveTo(Instant.parse("2027-12-10T16:05:00Z"));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ReportSchedule.Sweep>> nodes = new ArrayList<>();
        for (int node = 0; node < 2; node++) {
            nodes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return schedule.sweep();
            }));
        }
        start.countDown();
        nodes.forEach(CompletableFuture::join);
        schedule.sweep();
        // the whole game, the first line's team and the leads' (supervisors work tickets too)
        assertThat(reports(game, friday)).isEqualTo(3);

        String zhDay = friday.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.CHINA));
        String enDay = friday.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.ENGLISH));
        List<MimeMessage> chinese = mailTo(address(lin)).stream().filter(m -> subject(m).contains(zhDay)).toList();
        assertThat(chinese).hasSize(1);
        assertThat(subject(chinese.getFirst())).contains("日报", "日报游戏");
        assertThat(texts(chinese.getFirst())).contains("整个游戏", "新建", "20 分钟", "小组：一线客服 (L1)", "新建");
        List<MimeMessage> english = mailTo(address(wang)).stream().filter(m -> subject(m).contains(enDay)).toList();
        assertThat(english).hasSize(1);
        assertThat(texts(english.getFirst())).contains("The whole game", "20 min", "Team: First line (L1)",
                "Waiting for player");

        // kept in the console, in the reader's language
        String path = "/console/insight/daily/" + game.id() + "/" + friday;
        mvc.perform(get("/console/insight/daily").with(user(reader(lin))).locale(Locale.CHINA))
                .andExpect(status().isOk()).andExpect(content().string(containsString(path)));
        mvc.perform(get(path).with(user(reader(lin))).locale(Locale.CHINA)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"daily-report\"")))
                .andExpect(content().string(containsString("20 分钟")))
                .andExpect(content().string(containsString("整个游戏")));
        mvc.perform(get(path).with(user(reader(wang))).locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andExpect(content().string(containsString("First responses")));
        // an agent reads their team's part, not the game's whole; another game's agent nothing
        mvc.perform(get(path).with(user(reader(agent))).locale(Locale.ENGLISH)).andExpect(status().isOk())
                .andExpect(content().string(containsString("daily-section-l1")))
                .andExpect(content().string(not(containsString("daily-section-game"))));
        mvc.perform(get(path).with(user(reader(stranger))).locale(Locale.ENGLISH)).andExpect(status().isForbidden());
        mvc.perform(get("/console/insight/daily").with(user(reader(stranger))).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(path))));
    }

    @Test
    void badSubscriptionsAreRefusedFieldByFieldInTheReadersLanguage() throws Exception {
        GameProfile game = games.register(TestWorkspace.unique("bad"), "订阅游戏", "zh-CN", "Asia/Shanghai", "always",
                GameProfile.CHANNELS);
        GameProfile notServed = games.register(TestWorkspace.unique("bad"), "别的游戏", "zh-CN", "Asia/Shanghai",
                "always", GameProfile.CHANNELS);
        StaffMember lin = lead("小林", "zh-CN", game);
        StaffMember noAddress = workspace.staff(StaffRole.SUPERVISOR, game.info());

        assertThatThrownBy(() -> subscriptions.subscribe(reader(lin), "nonsense", notServed.id().toString(), "hourly",
                "25:00", Locale.CHINA)).isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(
                        invalid.errors().stream().map(e -> e.field() + ":" + e.key()).toList()).containsExactly(
                                "report:insight.schedule.invalid.report", "game:insight.schedule.invalid.game",
                                "frequency:invalid.choose", "time:invalid.time"));
        assertThatThrownBy(() -> subscriptions.subscribe(reader(noAddress), SummaryReport.NAME, "", "daily", "08:00",
                Locale.CHINA)).isInstanceOfSatisfying(InvalidInput.class,
                        invalid -> assertThat(invalid.errors()).extracting(InvalidInput.FieldError::field)
                                .containsExactly("email"));

        mvc.perform(post("/console/insight/subscriptions").with(user(reader(lin))).with(csrf()).locale(Locale.CHINA)
                .param("report", "nonsense").param("game", notServed.id().toString()).param("frequency", "hourly")
                .param("time", "25:00")).andExpect(status().isOk())
                .andExpect(content().string(containsString("不存在报表“nonsense”")))
                .andExpect(content().string(containsString("请选择您负责的游戏")));
        mvc.perform(post("/console/insight/subscriptions").with(user(reader(lin))).with(csrf()).locale(Locale.ENGLISH)
                .param("report", "nonsense").param("game", "").param("frequency", "daily").param("time", "8 am"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is no report “nonsense”")))
                .andExpect(content().string(containsString("This must be a time of day as HH:MM.")));

        // a good one is listed with the report's title, and removed by its member only
        mvc.perform(post("/console/insight/subscriptions").with(user(reader(lin))).with(csrf()).locale(Locale.ENGLISH)
                .param("report", SummaryReport.NAME).param("game", game.id().toString()).param("frequency", "weekly")
                .param("time", "09:30")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/insight/subscriptions").with(user(reader(lin))).locale(Locale.ENGLISH))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-testid=\"subscriptions\"")))
                .andExpect(content().string(containsString("Summary by game")))
                .andExpect(content().string(containsString("Weekly, on Monday")));
        UUID id = subscriptions.mine(reader(lin), Locale.ENGLISH).getFirst().id();
        mvc.perform(post("/console/insight/subscriptions/" + id + "/remove").with(user(reader(noAddress))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(subscriptions.mine(reader(lin), Locale.ENGLISH)).hasSize(1);
        mvc.perform(post("/console/insight/subscriptions/" + id + "/remove").with(user(reader(lin))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(subscriptions.mine(reader(lin), Locale.ENGLISH)).isEmpty();
    }

    private StaffMember lead(String name, String locale, GameProfile game) {
        StaffMember member = staff.enrol(TestWorkspace.unique("lead"), name, TestWorkspace.PASSWORD,
                StaffRole.SUPERVISOR, locale, Set.of(game.id()));
        notifications.chooseEmail(member.id(), member.username() + "@studio.test", false);
        return member;
    }

    /** The subscribed summaries a member received (the daily reports they receive as a supervisor left out). */
    private static List<MimeMessage> reportsTo(StaffMember member) {
        return mailTo(address(member)).stream()
                .filter(m -> subject(m).contains("各游戏概览") || subject(m).contains("Summary by game")).toList();
    }

    private static String address(StaffMember member) {
        return member.username() + "@studio.test";
    }

    private static StaffUser reader(StaffMember member) {
        return new StaffUser(member, "");
    }

    private int reports(GameProfile game, LocalDate day) {
        return jdbc.queryForObject("select count(*) from insight_daily_report where game_id = ? and report_day = ?",
                Integer.class, game.id(), day);
    }

    private void moveTo(Instant at) {
        clock.shift(Duration.between(clock.instant(), at));
    }

    private void settle() {
        Settled.settle(meters, rollUp);
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

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every text part of the message, decoded. */
    private static String texts(Part part) {
        try {
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    if (!Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
                        all.append(texts(body));
                    }
                }
                return all.toString();
            }
            return part.getContent() instanceof String text ? text : "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attachment(MimeMessage message) {
        try {
            Multipart multipart = (Multipart) message.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(body.getDisposition())) {
                    assertThat(body.getFileName()).endsWith(".csv");
                    return new String(body.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            throw new AssertionError("no attachment");
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
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
