package org.playerdesk.insight.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.assist.GameArea;
import org.playerdesk.insight.digest.DigestGrouping.Group;
import org.playerdesk.insight.digest.DigestGrouping.Report;
import org.playerdesk.ticket.TicketType;

/**
 * The grouping on a fixed set of reports whose groups were worked out by hand: the words each
 * report's text gives are written beside it.
 */
class DigestGroupingTest {

    private static final Instant START = Instant.parse("2026-11-30T00:00:00Z");

    private static Report report(long number, TicketType type, String version, String device, String server,
            String text) {
        return new Report(new UUID(0, number), number, type, GameArea.of(type), version, device, server,
                START.plusSeconds(60 * number), text, "");
    }

    static final List<Report> REPORTS = List.of(
            // 登录, 后闪, 闪退
            report(1, TicketType.BUG, "2.3.1", "iPhone 15", "S1", "登录后闪退"),
            // 商城, 购买, 按钮, 没有, 反应
            report(2, TicketType.BUG, "2.3.1", "iPhone 13", "S2", "商城购买按钮没有反应"),
            // 登录, 时闪, 闪退, 无法, 进入 (游戏 is filler)
            report(3, TicketType.BUG, "2.3.1", "iPhone 15 Pro", "S2", "游戏登录时闪退，无法进入"),
            // 商城, 里点, 购买, 反应
            report(4, TicketType.BUG, "2.3.1", "iPhone 15", "S1", "商城里点购买没反应"),
            // 登录, 闪退
            report(5, TicketType.BUG, "2.3.1", "iPhone 12", "S3", "一登录就闪退了"),
            // the same words on another client version: a group of its own
            report(6, TicketType.BUG, "2.3.0", "iPhone 15", "S1", "登录后闪退"),
            // crash, login, screen (game is filler)
            report(7, TicketType.BUG, "2.3.1", "Pixel 8", "S1", "Game crashes on login screen"),
            // crash, login
            report(8, TicketType.BUG, "2.3.1", "Pixel 7a", "S4", "The game crashes after login"),
            // crash, log: only one word shared with the first report of crashes
            report(9, TicketType.BUG, "2.3.1", "Pixel 8", "S1", "Crash when I log in"),
            // 会战, 奖励
            report(10, TicketType.SUGGESTION, "2.3.1", "iPhone 15", "S1", "建议增加公会战的奖励"),
            // 会战, 奖励, 多一, 一点
            report(11, TicketType.SUGGESTION, "2.3.1", "iPhone 14", "S5", "希望公会战奖励多一点"),
            // dark, mode
            report(12, TicketType.SUGGESTION, "2.3.1", "Pixel 8", "S1", "Please add a dark mode"),
            // dark, mode, set
            report(13, TicketType.SUGGESTION, "2.3.1", "Pixel 6", "S1", "Add dark mode to the settings"));

    @Test
    void significantWordsJoinUnknownChineseWordsAndLeaveFillerOut() {
        assertThat(DigestGrouping.significantWords("登录后闪退")).containsExactly("登录", "后闪", "闪退");
        assertThat(DigestGrouping.significantWords("游戏登录时闪退，无法进入")).containsExactlyInAnyOrder("登录", "时闪", "闪退",
                "无法", "进入");
        assertThat(DigestGrouping.significantWords("The game crashes after login")).containsExactly("crash", "login");
        assertThat(DigestGrouping.deviceFamily("iPhone 15 Pro")).isEqualTo("iphone");
        assertThat(DigestGrouping.deviceFamily("  ")).isEmpty();
    }

    @Test
    void groupsByPartThenByTheWordsTheyShare() {
        List<Group> groups = DigestGrouping.group(REPORTS);

        assertThat(groups).extracting(g -> g.reports().stream().map(Report::number).toList()).containsExactly(
                List.of(1L, 3L, 5L), // 登录 闪退 on 2.3.1, iphone
                List.of(2L, 4L), // 商城 购买 反应
                List.of(7L, 8L), // crash login on pixel
                List.of(10L, 11L), // 会战 奖励 suggestions
                List.of(12L, 13L), // dark mode suggestions
                List.of(6L), // 2.3.0
                List.of(9L)); // crash log
        assertThat(groups).extracting(Group::words).containsExactly(
                List.of("登录", "闪退"),
                List.of("商城", "购买", "反应"),
                List.of("crash", "login"),
                List.of("会战", "奖励"),
                List.of("dark", "mode"),
                List.of("登录", "后闪", "闪退"),
                List.of("crash", "log"));
        Group crashes = groups.get(2);
        assertThat(crashes.type()).isEqualTo(TicketType.BUG);
        assertThat(crashes.area()).isEqualTo(GameArea.TECHNICAL);
        assertThat(crashes.clientVersion()).isEqualTo("2.3.1");
        assertThat(crashes.deviceFamily()).isEqualTo("pixel");
        assertThat(groups.get(3).area()).isEqualTo(GameArea.GAMEPLAY);
    }

    @Test
    void theFingerprintIsTheSameForTheSameGroupInAnotherPeriod() {
        List<Group> all = DigestGrouping.group(REPORTS);
        // a later period: only the last two login crashes, in another order of arrival
        List<Group> later = DigestGrouping.group(List.of(REPORTS.get(4), REPORTS.get(2)));
        assertThat(later).singleElement().satisfies(g -> {
            assertThat(g.words()).containsExactly("登录", "闪退");
            assertThat(g.fingerprint()).isEqualTo(all.getFirst().fingerprint());
        });
        assertThat(all.stream().map(Group::fingerprint).distinct()).hasSize(all.size());
    }

    @Test
    void reportsWithoutWordsGroupTogether() {
        List<Group> groups = DigestGrouping.group(List.of(
                report(1, TicketType.BUG, "", "", "", "???"),
                report(2, TicketType.BUG, "", "", "", "!!")));
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.words()).isEmpty();
            assertThat(g.reports()).hasSize(2);
        });
    }
}
