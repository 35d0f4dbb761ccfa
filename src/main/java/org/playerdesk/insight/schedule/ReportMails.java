package org.playerdesk.insight.schedule;

import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.playerdesk.insight.export.CsvTable;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.Table;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The emails of scheduled reports and daily reports, worded in the recipient's language: the
 * report as an HTML table (escaped by the template) and, for a subscribed report, the same table
 * as a CSV attachment, written as the report's CSV download is ({@link CsvTable}). Without a mail server nothing is sent and nothing is marked sent.
 */
@Component
class ReportMails {

    /** A table's cells as the email shows them. */
    record ShownTable(String title, List<String> headings, List<Boolean> numeric, List<List<String>> rows) {
    }

    private final ObjectProvider<JavaMailSender> mail;
    private final ITemplateEngine templates;
    private final Words words;
    private final String publicUrl;
    private final String mailFrom;

    ReportMails(ObjectProvider<JavaMailSender> mail, ITemplateEngine templates, Words words,
            @Value("${playerdesk.notifications.public-url:http://localhost:8080}") String publicUrl,
            @Value("${playerdesk.notifications.mail-from:playerdesk@localhost}") String mailFrom) {
        this.mail = mail;
        this.templates = templates;
        this.words = words;
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        this.mailFrom = mailFrom == null || mailFrom.isBlank() ? "playerdesk@localhost" : mailFrom.strip();
    }

    boolean available() {
        return mail.getIfAvailable() != null;
    }

    /** A subscribed report of one period. */
    void sendTable(String to, Locale locale, Table table, String periodText, String fileName) throws MessagingException {
        List<Boolean> numeric = table.columns().stream().map(c -> c.kind() != Column.Kind.TEXT).toList();
        List<List<String>> rows = table.rows().stream().map(row -> {
            List<String> cells = new java.util.ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(words.cell(row.get(i), table.columns().get(i).kind(), locale));
            }
            return cells;
        }).toList();
        Context context = new Context(locale);
        context.setVariable("table", new ShownTable(table.title(), table.columns().stream().map(Column::label).toList(),
                numeric, rows));
        context.setVariable("period", periodText);
        context.setVariable("subscriptions", publicUrl + "/console/insight/subscriptions");
        send(to, words.text("insight.schedule.mail.subject", locale, table.title(), periodText),
                templates.process("insight/mail/report", context), CsvTable.bytes(table),
                fileName + "." + CsvTable.EXTENSION);
    }

    /** A game's daily report, as much of it as the recipient may read. */
    void sendDaily(String to, Locale locale, DailyView.Report report) throws MessagingException {
        Context context = new Context(locale);
        context.setVariable("report", report);
        context.setVariable("link", publicUrl + "/console/insight/daily/" + report.gameId() + "/" + report.day());
        context.setVariable("tickets", publicUrl + "/console/tickets/");
        send(to, words.text("insight.daily.mail.subject", locale, report.gameName(), report.dayText()),
                templates.process("insight/mail/daily", context), null, null);
    }

    private void send(String to, String subject, String html, byte[] attachment, String attachmentName)
            throws MessagingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new MailUnavailable();
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, attachment != null, "UTF-8");
        helper.setFrom(mailFrom);
        helper.setTo(to);
        helper.setSubject(subject);
        helper.setText(html, true);
        if (attachment != null) {
            helper.addAttachment(attachmentName, new ByteArrayResource(attachment), CsvTable.CONTENT_TYPE);
        }
        sender.send(message);
    }

    /** No mail server is configured: the email waits until one is. */
    static final class MailUnavailable extends MailException {

        MailUnavailable() {
            super("no mail server is configured (spring.mail.host)");
        }
    }
}
