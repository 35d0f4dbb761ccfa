package org.playerdesk.insight.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.Table;

/** A report's table as a CSV file and an Excel workbook, read back as a spreadsheet would. */
class TableWritersTest {

    static final Table TABLE = new Table("每日工单量", List.of(
            Column.text("游戏"), new Column("日期", Column.Kind.DATE), Column.count("新工单"),
            new Column("平均分", Column.Kind.DECIMAL), new Column("解决率", Column.Kind.PERCENT),
            new Column("首次回复", Column.Kind.DURATION)),
            List.of(
                    java.util.Arrays.asList("星辰物语", LocalDate.of(2027, 3, 1), 1204L, 4.256, 0.875, 3725L),
                    java.util.Arrays.asList("=HYPERLINK(\"http://evil\")", LocalDate.of(2027, 3, 2), 0L, null, 0.5, 90_000L),
                    java.util.Arrays.asList("+1, \"quoted\"\nline", LocalDate.of(2027, 3, 3), 7, 3.0, 1.0, 0L),
                    java.util.Arrays.asList("-2", null, 1, 1.0, 0.0, null),
                    java.util.Arrays.asList("@SUM(A1)", LocalDate.of(2027, 3, 4), 2, 2.0, 0.125, 60L)));

    @Test
    void writesCsvWithAByteOrderMarkQuotedAsRfc4180AndFormulasDisarmed() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFormat.CSV.write(TABLE, out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").contains("\"'+1, \"\"quoted\"\"\nline\"");

        List<CSVRecord> records = CSVParser.parse(new StringReader(text.substring(1)), CsvCells.FORMAT).getRecords();
        assertThat(records).hasSize(6);
        assertThat(records.get(0).toList()).containsExactly("游戏", "日期", "新工单", "平均分", "解决率", "首次回复");
        assertThat(records.get(1).toList()).containsExactly("星辰物语", "2027-03-01", "1204", "4.26", "87.5%", "1:02");
        assertThat(records.get(2).toList())
                .containsExactly("'=HYPERLINK(\"http://evil\")", "2027-03-02", "0", "", "50.0%", "25:00");
        assertThat(records.get(3).get(0)).isEqualTo("'+1, \"quoted\"\nline");
        assertThat(records.get(4).toList()).containsExactly("'-2", "", "1", "1.00", "0.0%", "");
        assertThat(records.get(5).get(0)).isEqualTo("'@SUM(A1)");
        assertThat(records.get(5).get(4)).isEqualTo("12.5%");
    }

    @Test
    void writesAWorkbookWithTypedCellsAFrozenBoldHeaderAndSensibleWidths() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExportFormat.XLSX.write(TABLE, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("每日工单量");
            Row header = sheet.getRow(0);
            assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(2).getStringCellValue()))
                    .containsExactly("游戏", "新工单");
            assertThat(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("星辰物语");
            Cell day = first.getCell(1);
            assertThat(day.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(day)).isTrue();
            assertThat(day.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 1));
            Cell count = first.getCell(2);
            assertThat(count.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(count.getNumericCellValue()).isEqualTo(1204.0);
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(4.256);
            Cell share = first.getCell(4);
            assertThat(share.getNumericCellValue()).isEqualTo(0.875);
            assertThat(share.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            Cell duration = first.getCell(5);
            assertThat(duration.getNumericCellValue()).isEqualTo(3725 / 86_400.0);
            assertThat(duration.getCellStyle().getDataFormatString()).isEqualTo("[h]:mm");

            // a formula-looking text stays text in a workbook: the cell is a string, never a formula
            Cell text = sheet.getRow(2).getCell(0);
            assertThat(text.getCellType()).isEqualTo(CellType.STRING);
            assertThat(text.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(sheet.getRow(2).getCell(3)).as("no figure, no cell").isNull();

            assertThat(sheet.getColumnWidth(0)).isBetween(8 * 256, 60 * 256);
            assertThat(sheet.getColumnWidth(0)).isGreaterThan(sheet.getColumnWidth(2));
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
        }
    }

    @Test
    void namesTheFileForEveryBrowserChineseIncluded() {
        assertThat(Downloads.attachment("工单量-2027-03-01-2027-03-31.csv")).isEqualTo(
                "attachment; filename=\"___-2027-03-01-2027-03-31.csv\"; "
                        + "filename*=UTF-8''%E5%B7%A5%E5%8D%95%E9%87%8F-2027-03-01-2027-03-31.csv");
        assertThat(Downloads.attachment("volume-2027-03-01-2027-03-31.xlsx"))
                .startsWith("attachment; filename=\"volume-2027-03-01-2027-03-31.xlsx\";");
    }
}
