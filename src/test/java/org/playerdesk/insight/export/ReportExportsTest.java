package org.playerdesk.insight.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code /console/insight/export/<report>.csv|xlsx}: the daily volume report of the reader's games
 * as a file worded in their language, and the refusals: another game, an unknown report, bad days.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class ReportExportsTest {

    static final LocalDate FIRST = LocalDate.of(2026, 3, 1);

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void exportsTheDailyVolumeAsCsvInTheReadersLanguageWithTheGamesName() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        total(game, FIRST, "CREATED", 12);
        total(game, FIRST, "RESOLVED", 9);
        total(game, FIRST.plusDays(2), "AGENT_REPLIES", 30);

        MockHttpServletResponse zh = download(agent, "volume.csv", Locale.SIMPLIFIED_CHINESE, game.id().toString(),
                "2026-03-01", "2026-03-03");
        assertThat(zh.getContentType()).startsWith("text/csv");
        assertThat(zh.getHeader("Content-Disposition")).isEqualTo("attachment; "
                + "filename=\"volume-2026-03-01-2026-03-03.csv\"; filename*=UTF-8''volume-2026-03-01-2026-03-03.csv");
        byte[] bytes = zh.getContentAsByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = records(bytes);
        assertThat(records.get(0).toList()).containsExactly("游戏", "日期（UTC）", "新工单", "玩家回复", "客服回复", "已解决");
        assertThat(records).hasSize(4);
        assertThat(records.get(1).toList()).containsExactly(game.name(), "2026-03-01", "12", "0", "0", "9");
        assertThat(records.get(2).toList()).containsExactly(game.name(), "2026-03-02", "0", "0", "0", "0");
        assertThat(records.get(3).toList()).containsExactly(game.name(), "2026-03-03", "0", "0", "30", "0");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain(game.id().toString());

        List<CSVRecord> en = records(download(agent, "volume.csv", Locale.ENGLISH, game.id().toString(), "2026-03-01",
                "2026-03-01").getContentAsByteArray());
        assertThat(en.get(0).toList())
                .containsExactly("Game", "Day (UTC)", "New tickets", "Player replies", "Agent replies", "Resolved");
        assertThat(en).hasSize(2);
    }

    @Test
    void exportsTheDailyVolumeAsAWorkbookOfTypedCells() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");
        total(game, FIRST, "CREATED", 1204);

        MockHttpServletResponse answer = download(agent, "volume.xlsx", Locale.ENGLISH, null, "2026-03-01",
                "2026-03-02");
        assertThat(answer.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(answer.getHeader("Content-Disposition")).contains("volume-2026-03-01-2026-03-02.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Daily volume");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("New tickets");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(game.name());
            assertThat(sheet.getRow(1).getCell(1).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(FIRST);
            assertThat(sheet.getRow(1).getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1204.0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
        }
    }

    @Test
    void refusesAGameTheReaderDoesNotServeAndAnUnknownReport() throws Exception {
        GameInfo mine = workspace.game();
        GameInfo other = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, mine), "");

        mvc.perform(get("/console/insight/export/volume.csv").param("games", other.id().toString())
                .param("from", "2026-03-01").param("to", "2026-03-02").with(user(agent)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/insight/export/volume.csv").param("games", mine.id() + "," + other.id())
                .param("from", "2026-03-01").param("to", "2026-03-02").with(user(agent)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/insight/export/nothing-such.csv").param("from", "2026-03-01")
                .param("to", "2026-03-02").with(user(agent))).andExpect(status().isNotFound());
        mvc.perform(get("/console/insight/export/volume.pdf").param("from", "2026-03-01")
                .param("to", "2026-03-02").with(user(agent))).andExpect(status().isNotFound());
    }

    @Test
    void saysClearlyWhatIsWrongWithTheDaysInTheReadersLanguage() throws Exception {
        GameInfo game = workspace.game();
        StaffUser agent = new StaffUser(workspace.staff(StaffRole.AGENT_L1, game), "");

        assertThat(refused(agent, "2026-02-30", "2026-03-01", Locale.ENGLISH))
                .contains("Created from: “2026-02-30” is not a date like 2027-02-17.");
        assertThat(refused(agent, "2026-03-05", "2026-03-01", Locale.ENGLISH))
                .contains("Created to: The last day must not be before the first.");
        assertThat(refused(agent, "2025-01-01", "2026-03-01", Locale.ENGLISH))
                .contains("A period may be at most 366 days long.");
        assertThat(refused(agent, "2025-01-01", "2026-03-01", Locale.SIMPLIFIED_CHINESE)).contains("时间段最长 366 天。");
        assertThat(refused(agent, "", "2026-03-01", Locale.SIMPLIFIED_CHINESE)).contains("创建日期自");
    }

    private String refused(StaffUser reader, String from, String to, Locale locale) throws Exception {
        return mvc.perform(get("/console/insight/export/volume.xlsx").param("from", from).param("to", to)
                .locale(locale).with(user(reader))).andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse download(StaffUser reader, String file, Locale locale, String games, String from,
            String to) throws Exception {
        var request = get("/console/insight/export/" + file).param("from", from).param("to", to).locale(locale)
                .with(user(reader));
        if (games != null) {
            request.param("games", games);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
    }

    private static List<CSVRecord> records(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        return CSVParser.parse(new StringReader(text), CsvCells.FORMAT).getRecords();
    }

    private void total(GameInfo game, LocalDate day, String metric, long total) {
        jdbc.update("insert into ticket_daily_count (game_id, count_day, metric, total) values (?, ?, ?, ?)", game.id(),
                day, metric, total);
    }
}
