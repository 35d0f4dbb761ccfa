package org.playerdesk.insight.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVPrinter;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.Table;

/**
 * A {@link Table} as CSV: the column labels as the header, then one record per row. Numbers are
 * written plainly (a count as a whole number, a decimal with two places), a share as a percentage
 * ({@code 12.5%}), a duration as hours and minutes ({@code 1:05}), a day as {@code 2027-03-01};
 * no cell is empty but a missing figure. The one CSV writer of the reports: downloads and the
 * scheduled reports' attachments alike.
 */
public final class CsvTable {

    public static final String CONTENT_TYPE = "text/csv;charset=UTF-8";
    public static final String EXTENSION = "csv";

    private CsvTable() {
    }

    /** The table as the bytes of a CSV file, for an email's attachment (a report's table is small). */
    public static byte[] bytes(Table table) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            write(table, out);
        } catch (IOException cannotHappen) {
            throw new java.io.UncheckedIOException(cannotHappen);
        }
        return out.toByteArray();
    }

    public static void write(Table table, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvCells.bom(writer);
        CSVPrinter printer = new CSVPrinter(writer, CsvCells.FORMAT);
        List<String> header = new ArrayList<>();
        for (Column column : table.columns()) {
            header.add(CsvCells.guard(column.label()));
        }
        printer.printRecord(header);
        List<String> record = new ArrayList<>(table.columns().size());
        for (List<Object> row : table.rows()) {
            record.clear();
            for (int c = 0; c < row.size(); c++) {
                record.add(cell(table.columns().get(c).kind(), row.get(c)));
            }
            printer.printRecord(record);
        }
        printer.flush();
    }

    static String cell(Column.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return switch (kind) {
                case COUNT -> Long.toString(number.longValue());
                case DECIMAL -> decimal(number, 2).toPlainString();
                case PERCENT -> decimal(number, 3).movePointRight(2).setScale(1, RoundingMode.HALF_UP)
                        .toPlainString() + "%";
                case DURATION -> hoursAndMinutes(number.longValue());
                default -> number.toString();
            };
        }
        if (value instanceof LocalDate day) {
            return day.toString();
        }
        return CsvCells.guard(value.toString());
    }

    /** Seconds as {@code h:mm}, rounded to the nearest minute: {@code 3725} is {@code 1:02}. */
    static String hoursAndMinutes(long seconds) {
        long minutes = Math.round(Math.abs(seconds) / 60.0);
        return (seconds < 0 ? "-" : "") + minutes / 60 + ":" + String.format("%02d", minutes % 60);
    }

    private static BigDecimal decimal(Number number, int scale) {
        return new BigDecimal(number.toString()).setScale(scale, RoundingMode.HALF_UP);
    }
}
