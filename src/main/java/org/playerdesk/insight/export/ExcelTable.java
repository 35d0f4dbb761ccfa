package org.playerdesk.insight.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.Table;

/**
 * A {@link Table} as an Excel workbook ({@code .xlsx}) of one sheet named after the report. Written
 * by POI's streaming workbook, which keeps only a window of rows in memory and the rest in a
 * temporary file, so a long table costs no more memory than a short one. Cells are typed, so that
 * the reader can sum and sort them: counts and decimals are numbers, a share is a number shown as
 * a percentage, a duration is a time of day shown as {@code [h]:mm} (hours beyond 24 kept), a day
 * is a date. The header is bold and stays in view while scrolling; each column is as wide as its
 * longest cell, within bounds.
 */
final class ExcelTable {

    /** Rows POI keeps in memory before writing them to its temporary file. */
    private static final int WINDOW = 200;
    private static final int WIDEST = 60;
    private static final int NARROWEST = 8;
    private static final double SECONDS_A_DAY = 86_400.0;

    private ExcelTable() {
    }

    static void write(Table table, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(WINDOW);
        try {
            book.setCompressTempFiles(true);
            Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(
                    table.title() == null || table.title().isBlank() ? "Report" : table.title()));
            Map<Column.Kind, CellStyle> styles = styles(book);
            List<Column> columns = table.columns();
            int[] widths = new int[columns.size()];

            Row header = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(columns.get(c).label());
                cell.setCellStyle(styles.get(null));
                widths[c] = width(columns.get(c).label());
            }
            sheet.createFreezePane(0, 1);

            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < columns.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Column.Kind kind = columns.get(c).kind();
                    Cell cell = row.createCell(c);
                    widths[c] = Math.max(widths[c], fill(cell, kind, value, styles));
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                sheet.setColumnWidth(c, Math.clamp(widths[c] + 2, NARROWEST, WIDEST) * 256);
            }
            book.write(out);
        } finally {
            // the temporary files of the rows written go with the workbook
            book.dispose();
            book.close();
        }
    }

    /** Puts the value in the cell as its kind says; answers how wide it shows, in characters. */
    private static int fill(Cell cell, Column.Kind kind, Object value, Map<Column.Kind, CellStyle> styles) {
        if (value instanceof Number number) {
            switch (kind) {
                case DURATION -> {
                    cell.setCellValue(number.doubleValue() / SECONDS_A_DAY);
                    cell.setCellStyle(styles.get(kind));
                    return CsvTable.hoursAndMinutes(number.longValue()).length();
                }
                case COUNT, DECIMAL, PERCENT -> {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(styles.get(kind));
                    return CsvTable.cell(kind, number).length() + 2;
                }
                default -> {
                    cell.setCellValue(number.doubleValue());
                    return number.toString().length();
                }
            }
        }
        if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(styles.get(Column.Kind.DATE));
            return 10;
        }
        String text = value.toString();
        cell.setCellValue(text);
        return width(text);
    }

    /** The header's style under the key {@code null}; the number formats of the other kinds. */
    private static Map<Column.Kind, CellStyle> styles(SXSSFWorkbook book) {
        DataFormat formats = book.createDataFormat();
        Map<Column.Kind, CellStyle> styles = new java.util.HashMap<>();
        Font bold = book.createFont();
        bold.setBold(true);
        CellStyle header = book.createCellStyle();
        header.setFont(bold);
        styles.put(null, header);
        Map<Column.Kind, String> patterns = new EnumMap<>(Column.Kind.class);
        patterns.put(Column.Kind.COUNT, "#,##0");
        patterns.put(Column.Kind.DECIMAL, "#,##0.00");
        patterns.put(Column.Kind.PERCENT, "0.0%");
        patterns.put(Column.Kind.DURATION, "[h]:mm");
        patterns.put(Column.Kind.DATE, "yyyy-mm-dd");
        patterns.forEach((kind, pattern) -> {
            CellStyle style = book.createCellStyle();
            style.setDataFormat(formats.getFormat(pattern));
            styles.put(kind, style);
        });
        return styles;
    }

    /** How wide a text shows, in characters of the default font: Chinese characters take two. */
    private static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length() && width < WIDEST; i++) {
            width += Character.isIdeographic(text.codePointAt(i)) || text.charAt(i) > 0x2E80 ? 2 : 1;
        }
        return width;
    }
}
