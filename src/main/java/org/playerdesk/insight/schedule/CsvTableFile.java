package org.playerdesk.insight.schedule;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.Table;
import org.springframework.stereotype.Component;

/**
 * The table as CSV in UTF-8 with a byte-order mark (so that Excel opens Chinese headings as
 * they are): the headings, then one line per row; numbers as plain numbers (durations in seconds,
 * shares between 0 and 1), so that a spreadsheet can compute with them.
 */
@Component
class CsvTableFile implements TableFile {

    @Override
    public String contentType() {
        return "text/csv; charset=UTF-8";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public byte[] write(Table table, Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write('\uFEFF');
            csv.printRecord(table.columns().stream().map(Column::label).toList());
            for (List<Object> row : table.rows()) {
                List<Object> cells = new ArrayList<>(row.size());
                for (Object cell : row) {
                    cells.add(cell == null ? "" : neutralised(cell));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A text starting like a formula is written with a leading quote, so a spreadsheet shows it and runs nothing. */
    private static Object neutralised(Object cell) {
        if (cell instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }
}
