package org.playerdesk.insight.export;

import java.io.IOException;
import java.io.OutputStream;

import org.playerdesk.insight.report.Table;

/** The two forms a report is downloaded in, named as in its address ({@code volume.csv}, {@code volume.xlsx}). */
enum ExportFormat {

    CSV(CsvTable.EXTENSION, CsvTable.CONTENT_TYPE) {
        @Override
        void write(Table table, OutputStream out) throws IOException {
            CsvTable.write(table, out);
        }
    },
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") {
        @Override
        void write(Table table, OutputStream out) throws IOException {
            ExcelTable.write(table, out);
        }
    };

    private final String extension;
    private final String contentType;

    ExportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    String extension() {
        return extension;
    }

    String contentType() {
        return contentType;
    }

    abstract void write(Table table, OutputStream out) throws IOException;

    static ExportFormat of(String extension) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        return null;
    }
}
