/**
 * Exports of the insight module: any report ({@link org.playerdesk.insight.report.ReportSource}) as
 * CSV or an Excel workbook, downloaded at once; and the raw tickets of a filter as CSV, written in
 * the background into the file store with its progress shown, for the reader who asked.
 */
package org.playerdesk.insight.export;
