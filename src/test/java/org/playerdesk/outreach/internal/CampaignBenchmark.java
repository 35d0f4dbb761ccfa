package org.playerdesk.outreach.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.BenchTimings.loadAverage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.mailbox.PlayerMail;
import org.playerdesk.outreach.CampaignDraft;
import org.playerdesk.outreach.CampaignState;
import org.playerdesk.outreach.CampaignView;
import org.playerdesk.outreach.Campaigns;
import org.playerdesk.outreach.OutreachChannel;
import org.playerdesk.outreach.OutreachSettings;
import org.playerdesk.outreach.RecipientState;
import org.playerdesk.outreach.Segment;
import org.playerdesk.system.entity.Ids;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduling overhead of a campaign to 100,000 players: the segment read, the recipients
 * written (start), then every recipient claimed, checked (opt-out, quiet hours, limit) and settled
 * by one node's worker, with throttling and quiet hours off and email handed to a channel that does
 * nothing (so that what is measured is the campaign's own work, not a mail server). Not part of the
 * test suite (its name does not end in Test): {@code bench/campaign} runs it (see bench/README.md)
 * and it writes bench/results/<date>-campaign.md. Target: under a minute.
 */
@SpringBootTest(properties = "playerdesk.outreach.tick=1d")
@Import({ TestWorkspace.class, CampaignBenchmark.NoMail.class })
class CampaignBenchmark {

    static final int PLAYERS = Integer.getInteger("bench.players", 100_000);

    /** Email that goes nowhere, counted. */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoMail {
        static final AtomicInteger SENT = new AtomicInteger();

        @Bean
        @Primary
        PlayerMail noMail() {
            return letter -> "<" + SENT.incrementAndGet() + "@bench>";
        }
    }

    @Autowired
    TestWorkspace workspace;
    @Autowired
    Campaigns campaigns;
    @Autowired
    CampaignWorker worker;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void measure() throws Exception {
        String loadAtStart = loadAverage();
        GameInfo game = workspace.game();
        StaffMember lead = workspace.staff(StaffRole.SUPERVISOR, game);
        campaigns.changeSettings(new OutreachSettings(game.id(), 0, 0, 0, 0, 0), lead);
        // the data set: the game's players, written straight into the player table as bench/GenerateData does
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            rows.add(new Object[] { Ids.next(), game.id(), "b" + i, "玩家" + i, "S" + (i % 10),
                    "b" + i + "@players.example.com", Timestamp.from(now), Timestamp.from(now) });
            if (rows.size() == 5_000 || i == PLAYERS - 1) {
                jdbc.batchUpdate("insert into player (id, game_id, account_id, nickname, server, contact_email, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
                rows.clear();
            }
        }
        CampaignView draft = campaigns.draft(game.id(), new CampaignDraft("基准活动", OutreachChannel.EMAIL, "标题",
                "内容", "Subject", "Text", Segment.everyone()), lead);

        long t0 = System.nanoTime();
        int previewed = campaigns.preview(game.id(), Segment.everyone(), lead);
        long t1 = System.nanoTime();
        CampaignView started = campaigns.start(draft.id(), lead);
        long t2 = System.nanoTime();
        int sent = worker.workDue();
        long t3 = System.nanoTime();
        String loadAtEnd = loadAverage();

        CampaignView done = campaigns.get(draft.id(), lead);
        assertThat(previewed).isEqualTo(PLAYERS);
        assertThat(started.recipients()).isEqualTo(PLAYERS);
        assertThat(done.count(RecipientState.SENT)).isEqualTo(PLAYERS);
        assertThat(done.state()).isEqualTo(CampaignState.FINISHED);
        double preview = (t1 - t0) / 1e9;
        double start = (t2 - t1) / 1e9;
        double send = (t3 - t2) / 1e9;
        double total = (t3 - t1) / 1e9;
        String db = jdbc.getDataSource().getConnection().getMetaData().getDatabaseProductName();
        String commit = System.getProperty("bench.commit", "");
        String report = String.format(Locale.ROOT, """
                # Campaign benchmark

                %s, commit %s; load average %s at the start, %s at the end; %d cores; %s.

                Command: `bench/campaign` (runs `CampaignBenchmark`, see bench/README.md).

                A campaign by email to every one of a game's %,d players, throttling and quiet hours off, the
                mail handed to a channel that does nothing; one node's worker, batches of the default size.

                | step | seconds |
                | --- | --- |
                | preview of the segment (its size) | %.1f |
                | start: the segment read and %,d recipients written | %.1f |
                | every recipient claimed, checked (opt-out, quiet hours, limit), sent and settled (%,d sent) | %.1f |
                | **segment → recipients → all sent** | **%.1f** |

                That is %,.0f messages a second of scheduling. Target: under a minute: %s.
                """, LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME), commit, loadAtStart, loadAtEnd,
                Runtime.getRuntime().availableProcessors(), db, PLAYERS, preview, PLAYERS, start, sent, send, total,
                PLAYERS / total, total < 60 ? "met" : "not met");
        Path out = Path.of(System.getProperty("bench.results", "bench/results"));
        Files.createDirectories(out);
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-campaign";
        Files.writeString(out.resolve(name + ".md"), report);
        System.out.println(report);
    }
}
