package org.playerdesk.quality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.BenchTimings.loadAverage;
import static org.playerdesk.BenchTimings.ms;
import static org.playerdesk.BenchTimings.time;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.Sender;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.CannedReplies;
import org.playerdesk.knowledge.ReplyStage;
import org.playerdesk.quality.ReplyCheck;
import org.playerdesk.quality.Severity;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.ReplyReview;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reply checks' benchmark: what share of the demo workspace's agent replies each check flags,
 * what the checks cost per reply (the review alone, p50/p95/p99), and what they add to a whole
 * ticket reply and to a live-chat line: with every check on and in a game with every check off,
 * taken in turn in one run so that the machine's load weighs on both alike. Not part of the test suite
 * (its name does not end in Test): {@code bench/reply-checks} runs it (see bench/README.md) and it
 * writes bench/results/<date>-reply-checks.{md,json}. Target: the checks add less than 2 ms to a
 * reply at the 95th percentile.
 */
@SpringBootTest(properties = "playerdesk.demo=true")
@Import(TestWorkspace.class)
class ReplyChecksBenchmark {

    static final int REVIEWS = 20_000;
    static final int REPLIES = 2_000;

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketReplyChecks checks;
    @Autowired
    CheckSettings settings;
    @Autowired
    TicketDesk desk;
    @Autowired
    GameCatalog games;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CannedReplies replies;
    @Autowired
    ChatDesk chats;

    /** An agent reply of the demo, as the checks saw it when it was sent. */
    record DemoReply(UUID ticketId, UUID gameId, TicketChannel channel, String text, boolean first, boolean closing) {
    }

    @Test
    void measure() throws IOException {
        String loadAtStart = loadAverage();
        List<DemoReply> demo = demoReplies();
        assertThat(demo).as("the demo workspace's agent replies").isNotEmpty();
        List<DemoReply> canned = cannedReplies();
        Map<String, Integer> flagged = flagged(demo);
        Map<String, Integer> cannedFlagged = flagged(canned);
        int anything = flagged.remove("");
        int cannedAnything = cannedFlagged.remove("");

        long[] reviews = time(REVIEWS, i -> checks.review(reply(demo.get(i % demo.size()))));

        // whole replies, checks on and off in turn
        GameInfo on = workspace.game();
        GameInfo off = workspace.game();
        Map<ReplyCheck, Severity> none = new java.util.EnumMap<>(ReplyCheck.class);
        Arrays.stream(ReplyCheck.values()).forEach(check -> none.put(check, Severity.OFF));
        settings.save(off.id(), none, Map.of(), Map.of());
        StaffMember agentOn = workspace.staff(StaffRole.AGENT_L1, on);
        StaffMember agentOff = workspace.staff(StaffRole.AGENT_L1, off);
        List<UUID> ticketsOn = tickets(on, 100);
        List<UUID> ticketsOff = tickets(off, 100);
        long[] withChecks = new long[REPLIES];
        long[] without = new long[REPLIES];
        for (int i = -200; i < REPLIES; i++) {
            DemoReply text = demo.get(Math.floorMod(i, demo.size()));
            long start = System.nanoTime();
            desk.reply(ticketsOn.get(Math.floorMod(i, 100)), Actor.agent(agentOn.id(), agentOn.displayName()), text.text(),
                    List.of(), null);
            long between = System.nanoTime();
            desk.reply(ticketsOff.get(Math.floorMod(i, 100)), Actor.agent(agentOff.id(), agentOff.displayName()),
                    text.text(), List.of(), null);
            long end = System.nanoTime();
            if (i >= 0) {
                withChecks[i] = between - start;
                without[i] = end - between;
            }
        }
        Arrays.sort(withChecks);
        Arrays.sort(without);

        // live-chat lines, checks on and off in turn (a chat per hundred lines, as a long chat is)
        long[] linesWith = new long[REPLIES];
        long[] linesWithout = new long[REPLIES];
        UUID chatOn = null;
        UUID chatOff = null;
        for (int i = -200; i < REPLIES; i++) {
            if (Math.floorMod(i, 100) == 0) {
                // the agents hold three chats at most: the last ones end first
                if (chatOn != null) {
                    chats.end(chatOn, Sender.agent(new StaffUser(agentOn, "")));
                    chats.end(chatOff, Sender.agent(new StaffUser(agentOff, "")));
                }
                chatOn = workspace.liveChat(on, agentOn, "充值没到账");
                chatOff = workspace.liveChat(off, agentOff, "充值没到账");
            }
            String text = demo.get(Math.floorMod(i, demo.size())).text();
            long start = System.nanoTime();
            chats.post(chatOn, Sender.agent(new StaffUser(agentOn, "")), "a-" + i, text, null);
            long between = System.nanoTime();
            chats.post(chatOff, Sender.agent(new StaffUser(agentOff, "")), "a-" + i, text, null);
            long end = System.nanoTime();
            if (i >= 0) {
                linesWith[i] = between - start;
                linesWithout[i] = end - between;
            }
        }
        Arrays.sort(linesWith);
        Arrays.sort(linesWithout);
        String loadAtEnd = loadAverage();

        double added95 = ms(withChecks, 95) - ms(without, 95);
        double lineAdded95 = ms(linesWith, 95) - ms(linesWithout, 95);
        String commit = System.getProperty("bench.commit", "");
        String date = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        StringBuilder shares = new StringBuilder();
        StringBuilder shareJson = new StringBuilder();
        for (var entry : flagged.entrySet()) {
            int inCanned = cannedFlagged.get(entry.getKey());
            shares.append(String.format(Locale.ROOT, "| `%s` | %d (%.1f %%) | %d (%.1f %%) |%n", entry.getKey(),
                    entry.getValue(), 100.0 * entry.getValue() / demo.size(), inCanned, 100.0 * inCanned / canned.size()));
            shareJson.append(String.format(Locale.ROOT, "%s\"%s\": [%d, %d]", shareJson.isEmpty() ? "" : ", ",
                    entry.getKey(), entry.getValue(), inCanned));
        }
        String report = String.format(Locale.ROOT, """
                # Reply checks benchmark

                %s, commit %s; load average %s at the start, %s at the end; %d cores.

                ## What the checks flag in the demo workspace

                Checked with the demo game's rules as they are (every check warns, the seeds' words, the
                game's forbidden phrases): the %d agent replies of the demo workspace (ticket replies and
                live-chat lines on their tickets), %d of them (%.1f %%) with a finding; and the %d canned
                replies of the game's standard wording (a greeting as a conversation's first reply, a
                closing as its last), %d of them (%.1f %%) with a finding.

                | check | demo replies flagged | canned replies flagged |
                | --- | --- | --- |
                %s
                ## What they cost

                | measured | calls | p50 | p95 | p99 |
                | --- | --- | --- | --- | --- |
                | the review alone (rules, forbidden phrases, every check) | %d | %.3f ms | %.3f ms | %.3f ms |
                | a ticket reply, every check on | %d | %.3f ms | %.3f ms | %.3f ms |
                | a ticket reply, every check off | %d | %.3f ms | %.3f ms | %.3f ms |
                | a live-chat line, every check on | %d | %.3f ms | %.3f ms | %.3f ms |
                | a live-chat line, every check off | %d | %.3f ms | %.3f ms | %.3f ms |

                Added at the 95th percentile: %.3f ms to a ticket reply, %.3f ms to a chat line (target
                < 2 ms: %s). Each pair (on, off) was taken in turn, so the machine's load weighs on both alike.
                """, date, commit, loadAtStart, loadAtEnd, Runtime.getRuntime().availableProcessors(), demo.size(),
                anything, 100.0 * anything / demo.size(), canned.size(), cannedAnything, 100.0 * cannedAnything / canned.size(),
                shares, reviews.length, ms(reviews, 50), ms(reviews, 95),
                ms(reviews, 99), withChecks.length, ms(withChecks, 50), ms(withChecks, 95), ms(withChecks, 99),
                without.length, ms(without, 50), ms(without, 95), ms(without, 99), linesWith.length, ms(linesWith, 50),
                ms(linesWith, 95), ms(linesWith, 99), linesWithout.length, ms(linesWithout, 50), ms(linesWithout, 95),
                ms(linesWithout, 99), added95, lineAdded95, added95 < 2 && lineAdded95 < 2 ? "met" : "missed");
        String json = String.format(Locale.ROOT, """
                {"date": "%s", "commit": "%s", "loadStart": "%s", "loadEnd": "%s", "demoReplies": %d, "flaggedAny": %d,
                 "cannedReplies": %d, "cannedFlaggedAny": %d,
                 "flagged": {%s},
                 "review": {"calls": %d, "p50Ms": %.3f, "p95Ms": %.3f, "p99Ms": %.3f},
                 "replyWithChecks": {"calls": %d, "p50Ms": %.3f, "p95Ms": %.3f, "p99Ms": %.3f},
                 "replyWithoutChecks": {"calls": %d, "p50Ms": %.3f, "p95Ms": %.3f, "p99Ms": %.3f},
                 "lineWithChecks": {"calls": %d, "p50Ms": %.3f, "p95Ms": %.3f, "p99Ms": %.3f},
                 "lineWithoutChecks": {"calls": %d, "p50Ms": %.3f, "p95Ms": %.3f, "p99Ms": %.3f},
                 "addedP95Ms": %.3f, "lineAddedP95Ms": %.3f, "targetMet": %s}
                """, date, commit, loadAtStart, loadAtEnd, demo.size(), anything, canned.size(), cannedAnything,
                shareJson, reviews.length,
                ms(reviews, 50), ms(reviews, 95), ms(reviews, 99), withChecks.length, ms(withChecks, 50),
                ms(withChecks, 95), ms(withChecks, 99), without.length, ms(without, 50), ms(without, 95),
                ms(without, 99), linesWith.length, ms(linesWith, 50), ms(linesWith, 95), ms(linesWith, 99),
                linesWithout.length, ms(linesWithout, 50), ms(linesWithout, 95), ms(linesWithout, 99), added95,
                lineAdded95, added95 < 2 && lineAdded95 < 2);
        Path out = Path.of(System.getProperty("bench.results", "bench/results"));
        Files.createDirectories(out);
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-reply-checks";
        Files.writeString(out.resolve(name + ".md"), report);
        Files.writeString(out.resolve(name + ".json"), json);
    }

    /** How many replies each check flags (by code), and under "" how many have any finding. */
    private Map<String, Integer> flagged(List<DemoReply> replies) {
        Map<String, Integer> flagged = new LinkedHashMap<>();
        Arrays.stream(ReplyCheck.values()).forEach(check -> flagged.put(check.code(), 0));
        int anything = 0;
        for (DemoReply reply : replies) {
            List<ReplyReview.Finding> found = checks.review(reply(reply));
            found.stream().map(ReplyReview.Finding::code).distinct().forEach(code -> flagged.merge(code, 1, Integer::sum));
            anything += found.isEmpty() ? 0 : 1;
        }
        flagged.put("", anything);
        return flagged;
    }

    /** The demo game's canned replies, filled in: a greeting opens a conversation, a closing ends it. */
    private List<DemoReply> cannedReplies() {
        UUID game = games.byCode("demo").orElseThrow().id();
        // as sent: the variables filled in ({player.nickname} is a name, {ticket.number} a number)
        return replies.of(game).stream().map(r -> new DemoReply(null, game, TicketChannel.WEB,
                r.body().replace("{ticket.number}", "1024").replaceAll("\\{[a-z.]+\\}", "Lin"),
                r.stage() == ReplyStage.GREETING, r.stage() == ReplyStage.CLOSING)).toList();
    }

    private static ReplyReview.Reply reply(DemoReply reply) {
        return new ReplyReview.Reply(reply.ticketId(), reply.gameId(), reply.channel(), Actor.agent(null, "agent"),
                reply.text(), reply.first(), reply.closing(), false);
    }

    /**
     * The agent replies of the demo game: each ticket's first agent reply opens its conversation,
     * the last one of a resolved or closed ticket ends it.
     */
    private List<DemoReply> demoReplies() {
        UUID game = games.byCode("demo").orElseThrow().id();
        List<Object[]> rows = jdbc.query("""
                select m.ticket_id, t.channel, m.body, t.status from ticket_message m join ticket t on t.id = m.ticket_id
                where t.game_id = ? and m.author_kind = 'agent' and m.visibility = 'public'
                order by m.ticket_id, m.created_at, m.id""", (rs, row) -> new Object[] { rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getString(4) }, game);
        List<DemoReply> replies = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            boolean first = i == 0 || !rows.get(i - 1)[0].equals(row[0]);
            boolean last = i == rows.size() - 1 || !rows.get(i + 1)[0].equals(row[0]);
            boolean ended = "resolved".equals(row[3]) || "closed".equals(row[3]);
            replies.add(new DemoReply((UUID) row[0], game, Coded.fromCode(TicketChannel.class, (String) row[1]),
                    (String) row[2], first, last && ended));
        }
        return replies;
    }

    private List<UUID> tickets(GameInfo game, int count) {
        List<UUID> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tickets.add(workspace.ticket(game, "bench-" + i, "payment").ticket().id());
        }
        return tickets;
    }
}
