package org.playerdesk.insight.schedule;

import java.util.Locale;

import org.playerdesk.insight.report.Table;

/**
 * A report's table written as a file to attach to an email. One small CSV writer for now
 * ({@link CsvTableFile}); once the insight exports are in place this is where their shared writer
 * takes over, so that an attachment and a download read the same.
 */
interface TableFile {

    String contentType();

    String extension();

    byte[] write(Table table, Locale locale);
}
