package org.playerdesk.insight.export;

import java.io.IOException;
import java.io.Writer;

import org.apache.commons.csv.CSVFormat;

/**
 * What every CSV file of PlayerDesk shares: RFC 4180 (quotes where needed, CRLF between records),
 * a byte order mark first so that Excel reads the UTF-8 as UTF-8 (Chinese stays Chinese), and a
 * guard against formulas: a cell a spreadsheet would take as a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) gets a {@code '} in front, so that
 * a player's subject such as {@code =HYPERLINK(...)} is shown as text, never run.
 */
final class CsvCells {

    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    static final char BOM = '\uFEFF';

    private CsvCells() {
    }

    static void bom(Writer out) throws IOException {
        out.write(BOM);
    }

    /** Text as a cell a spreadsheet shows as text. */
    static String guard(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
