package org.playerdesk.insight.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw tickets of a filter, from the exports page to the downloaded CSV: written in the
 * background, every matching ticket and no other, progress readable while it runs, the file only
 * for the reader who asked, personal data masked unless asked for by someone allowed, and audited.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketExportsTest {

    static final int BUGS = 180;
    static final int OTHERS = 120;

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ExportWorker worker;
    @Autowired
    ExportJobs jobs;

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void exportsExactlyTheTicketsOfTheFilterWithProgressAndOnlyForTheirOwner() throws Exception {
        GameInfo game = workspace.game();
        GameInfo second = workspace.game();
        for (int i = 0; i < BUGS; i++) {
            open(game, "p" + i, "bug", i == 0 ? "=HYPERLINK(\"http://evil\") 打不开" : "游戏闪退 " + i,
                    "player" + i + "@example.com");
        }
        for (int i = 0; i < OTHERS; i++) {
            open(game, "q" + i, "consultation", "咨询 " + i, null);
        }
        for (int i = 0; i < 7; i++) {
            open(second, "r" + i, "bug", "另一个游戏 " + i, null);
        }
        // three bugs of last year: outside the period
        List<UUID> old = jdbc.queryForList("select id from ticket where game_id = ? and type = 'bug' "
                + "order by number desc fetch first 3 rows only", UUID.class, game.id());
        for (UUID id : old) {
            jdbc.update("update ticket set created_at = ? where id = ?",
                    Timestamp.from(Instant.now().minus(Duration.ofDays(400))), id);
        }
        StaffUser lead = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game, second), "");
        StaffUser colleague = new StaffUser(workspace.staff(StaffRole.SUPERVISOR, game, second), "");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        mvc.perform(post("/console/insight/exports").param("games", game.id().toString())
                .param("from", today.minusDays(30).toString()).param("to", today.plusDays(1).toString())
                .param("type", "bug").locale(Locale.SIMPLIFIED_CHINESE).with(user(lead)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID id = jobs.ofOwner(lead.id(), 1).getFirst().id();

        JsonNode done = await().atMost(Duration.ofSeconds(120)).until(() -> progress(lead, id),
                s -> s.get("finished").asBoolean());
        int expected = BUGS - old.size();
        assertThat(done.get("state").asText()).isEqualTo("done");
        assertThat(done.get("done").asLong()).isEqualTo(expected);
        assertThat(done.get("total").asLong()).isEqualTo(expected);
        assertThat(done.get("percent").asInt()).isEqualTo(100);
        assertThat(done.get("text").asText()).isEqualTo("共 " + expected + " 张工单，可以下载");
        assertThat(done.get("download").asText()).isEqualTo("/console/insight/exports/" + id + "/file");

        MockHttpServletResponse file = mvc.perform(get("/console/insight/exports/{id}/file", id).with(user(lead)))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(file.getHeader("Content-Disposition")).contains("tickets-" + today.minusDays(30));
        byte[] bytes = file.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVParser.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)
                .substring(1)), CsvCells.FORMAT).getRecords();
        assertThat(records.get(0).toList()).containsExactly("编号", "游戏", "创建时间", "状态", "类型", "渠道", "优先级", "语言",
                "玩家", "联系邮箱", "处理人", "首次回复时间", "解决时间", "标签", "标题");
        List<CSVRecord> rows = records.subList(1, records.size());
        assertThat(rows).hasSize(expected);
        Map<String, CSVRecord> byNumber = rows.stream().collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertThat(byNumber).hasSize(expected);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get(1)).isEqualTo(game.name());
            assertThat(row.get(4)).isEqualTo("游戏BUG");
            assertThat(row.get(7)).isEqualTo("英语");
        });
        CSVRecord first = rows.getFirst();
        assertThat(first.get(14)).isEqualTo("'=HYPERLINK(\"http://evil\") 打不开");
        assertThat(first.get(8)).isEqualTo("玩家p0 (p0)");
        assertThat(first.get(9)).isEqualTo("p******@example.com");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("player0@example.com");
        old.forEach(gone -> assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(gone.toString()));

        // another reader, even one serving the game, finds neither the export nor its file
        mvc.perform(get("/console/insight/exports/{id}", id).accept("application/json").with(user(colleague)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/insight/exports/{id}/file", id).with(user(colleague)))
                .andExpect(status().isNotFound());
        assertThat(audit.about("ticket-export", id.toString(), 10)).isEmpty();

        String page = mvc.perform(get("/console/insight/exports").locale(Locale.ENGLISH).with(user(lead)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"export-progress\"", "data-done=\"" + expected + "\"",
                "data-total=\"" + expected + "\"", expected + " tickets, ready to download", game.name());
    }

    @Test
    void writesContactEmailsUnmaskedOnlyWhenAskedBySomeoneAllowedAndAuditsIt() throws Exception {
        GameInfo game = workspace.game();
        for (int i = 0; i < 5; i++) {
            open(game, "s" + i, "payment", "充值未到账 " + i, "payer" + i + "@example.com");
        }
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        StaffUser supervisor = new StaffUser(workspace.staff(StaffRole.SUPERVISOR, game), "");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        String refused = mvc.perform(post("/console/insight/exports").param("games", game.id().toString())
                .param("from", today.toString()).param("to", today.toString()).param("personalData", "true")
                .locale(Locale.ENGLISH).with(user(agent)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("data-testid=\"export-problems\"", "You may not export personal data unmasked.");
        assertThat(jobs.ofOwner(agent.id(), 5)).isEmpty();

        mvc.perform(post("/console/insight/exports").param("games", game.id().toString())
                // the days are the game's (Asia/Shanghai): around midnight UTC, today there may be tomorrow here
                .param("from", today.minusDays(1).toString()).param("to", today.plusDays(1).toString())
                .param("personalData", "true").param("statuses", "new", "open", "pending_player", "pending_internal").locale(Locale.ENGLISH)
                .with(user(supervisor)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID id = jobs.ofOwner(supervisor.id(), 1).getFirst().id();
        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> progress(supervisor, id),
                s -> s.get("finished").asBoolean());
        assertThat(done.get("done").asLong()).isEqualTo(5);
        String csv = mvc.perform(get("/console/insight/exports/{id}/file", id).with(user(supervisor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("payer0@example.com", "payer4@example.com", "Payment", "Contact email");
        assertThat(audit.about("ticket-export", id.toString(), 10)).extracting(AuditLog.Entry::action)
                .containsExactlyInAnyOrder("pii.export", "pii.export.download");
    }

    @Test
    void refusesAFilterItCannotExportFieldByFieldInTheReadersLanguage() throws Exception {
        GameInfo mine = workspace.game();
        GameInfo other = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, mine), "");

        String page = mvc.perform(post("/console/insight/exports").param("games", other.id().toString())
                .param("from", "2026-13-01").param("to", "2026-01-01").param("type", "no-such-type")
                .locale(Locale.SIMPLIFIED_CHINESE).with(user(agent)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-testid=\"export-problems\"", "游戏", "创建日期自", "2026-13-01", "类型");
        assertThat(jobs.ofOwner(agent.id(), 5)).isEmpty();
    }

    @Test
    void removesExportsAndTheirFilesAfterTheRetention() throws Exception {
        GameInfo game = workspace.game();
        open(game, "t0", "bug", "旧的导出", null);
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        mvc.perform(post("/console/insight/exports").param("games", game.id().toString())
                .param("from", today.toString()).param("to", today.toString()).with(user(agent)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID id = jobs.ofOwner(agent.id(), 1).getFirst().id();
        await().atMost(Duration.ofSeconds(60)).until(() -> jobs.find(id).orElseThrow().finished());
        String key = jobs.find(id).orElseThrow().fileKey();
        assertThat(worker.store().exists(key)).isTrue();

        worker.sweep(Instant.now().minus(Duration.ofDays(7)));
        assertThat(jobs.find(id)).as("finished just now: kept").isPresent();
        worker.sweep(Instant.now().plus(Duration.ofMinutes(1)));
        assertThat(jobs.find(id)).isEmpty();
        assertThat(worker.store().exists(key)).isFalse();
    }

    private JsonNode progress(StaffUser reader, UUID id) throws Exception {
        return json.readTree(mvc.perform(get("/console/insight/exports/{id}", id).accept("application/json")
                .locale(Locale.SIMPLIFIED_CHINESE).with(user(reader))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Opened open(GameInfo game, String account, String type, String subject, String email) {
        return desk.open(new NewTicket(game.id(), new PlayerIdentity(account, "玩家" + account, "S1", null), type, null,
                null, subject, "玩家的问题描述", email, Map.of("language", "en"), false), List.of());
    }
}
