package org.playerdesk.pay.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The month's payroll as a file for whoever pays (PlayerDesk pays nothing): one row per agent (name and user name) with
 * each part of their pay and the total, amounts as plain decimals in the installation's currency
 * ("1234.56"), in CSV (UTF-8 with a byte-order mark, for Excel) or as an Excel workbook. Headers
 * in the reader's language. A cell that would start a spreadsheet formula is written as text.
 */
@Component
class PayrollExport {

    static final List<String> COLUMNS = List.of("agent", "username", "month", "currency", "result", "base", "performance", "bonus",
            "excellentEmployee", "teamAward", "teamImprovement", "excellentTeam", "total", "payday", "rules");

    private final MessageSource messages;

    PayrollExport(MessageSource messages) {
        this.messages = messages;
    }

    byte[] csv(Payroll.Sheet sheet, Locale locale) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get())) {
            out.write('\uFEFF');
            csv.printRecord(headers(locale));
            for (List<String> row : rows(sheet)) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    byte[] xlsx(Payroll.Sheet sheet, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet page = book.createSheet(sheet.month().toString());
            Row header = page.createRow(0);
            List<String> headers = headers(locale);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            int n = 1;
            for (Payroll.Line line : sheet.lines()) {
                Row row = page.createRow(n++);
                List<String> cells = row(sheet, line);
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i);
                    if (i >= 5 && i <= 12) {
                        // amounts as numbers with two decimals: the BigDecimal's double is exact enough for cents
                        row.createCell(i).setCellValue(new java.math.BigDecimal(cell).doubleValue());
                    } else {
                        row.createCell(i).setCellValue(cell);
                    }
                }
            }
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> headers(Locale locale) {
        return COLUMNS.stream().map(c -> messages.getMessage("pay.column." + c, null, locale)).toList();
    }

    private static List<List<String>> rows(Payroll.Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        sheet.lines().forEach(line -> rows.add(row(sheet, line)));
        return rows;
    }

    private static List<String> row(Payroll.Sheet sheet, Payroll.Line line) {
        PayCalculation.AgentPay pay = line.pay();
        return List.of(guard(line.name()), guard(line.username()), sheet.month().toString(), sheet.currency(),
                pay.result() == null ? "" : pay.result().toString(), Money.plain(pay.base()),
                Money.plain(pay.performance()), Money.plain(pay.bonus()), Money.plain(pay.excellentEmployee()),
                Money.plain(pay.teamAward()), Money.plain(pay.teamImprovement()), Money.plain(pay.excellentTeam()),
                Money.plain(pay.total()), sheet.payday().toString(), Integer.toString(sheet.rules().version()));
    }

    /** A name that a spreadsheet would read as a formula starts with a quote. */
    static String guard(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
