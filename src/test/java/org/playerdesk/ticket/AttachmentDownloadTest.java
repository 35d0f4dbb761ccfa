package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class AttachmentDownloadTest {

    private static AttachmentView file(String name, String type) {
        return new AttachmentView(UUID.randomUUID(), UUID.randomUUID(), Visibility.PUBLIC, name, type, 10, Instant.now());
    }

    @Test
    void chineseNamesTravelAsRfc5987() {
        assertThat(AttachmentDownload.contentDisposition(file("充值记录.pdf", "application/pdf")))
                .startsWith("attachment;")
                .contains("filename*=UTF-8''%E5%85%85%E5%80%BC%E8%AE%B0%E5%BD%95.pdf");
    }

    @Test
    void onlyRasterImagesOpenInline() {
        assertThat(AttachmentDownload.contentDisposition(file("shot.png", "image/png"))).startsWith("inline;");
        assertThat(AttachmentDownload.contentDisposition(file("log.txt", "text/plain"))).startsWith("attachment;");
        assertThat(AttachmentDownload.contentDisposition(file("movie.mp4", "video/mp4"))).startsWith("attachment;");
    }

    @Test
    void quotesAndSeparatorsCannotBreakTheHeader() {
        String header = AttachmentDownload.contentDisposition(file("a\"b;c\\d e.png", "image/png"));
        assertThat(header).contains("filename*=UTF-8''a%22b%3Bc%5Cd%20e.png");
        assertThat(header.split(";")).hasSizeLessThanOrEqualTo(3 + 2);
    }

    @Test
    void aFileWithoutANameStillDownloads() {
        assertThat(AttachmentDownload.contentDisposition(file(" ", "application/zip"))).contains("file");
    }
}
