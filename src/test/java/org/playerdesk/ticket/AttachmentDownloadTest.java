package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.files.DirectDownload;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

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

    @Test
    void aFileServedThroughPlayerDeskIsSandboxedAndNotSniffed() {
        ResponseEntity<Resource> answer = AttachmentDownload.of(new StoredAttachment(file("日志.txt", "text/plain"),
                new ByteArrayResource(new byte[10])));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("sandbox");
        assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("text/plain;charset=UTF-8");
    }

    @Test
    void aFileWithAPresignedLinkIsARedirectCarryingTheSameTypeAndDisposition() {
        AttachmentView view = file("充值记录.pdf", "application/pdf");
        String[] asked = new String[2];
        class Linked extends AbstractResource implements DirectDownload {
            @Override
            public URI link(String contentType, String contentDisposition) {
                asked[0] = contentType;
                asked[1] = contentDisposition;
                return URI.create("https://files.example.com/desk/files/2026/05/x?X-Amz-Signature=abc");
            }

            @Override
            public String getDescription() {
                return "a linked file";
            }

            @Override
            public InputStream getInputStream() {
                throw new AssertionError("a linked file is not read through PlayerDesk");
            }
        }

        ResponseEntity<Resource> answer = AttachmentDownload.of(new StoredAttachment(view, new Linked()));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(answer.getHeaders().getLocation()).hasHost("files.example.com");
        assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
        assertThat(answer.getBody()).isNull();
        assertThat(asked[0]).isEqualTo("application/pdf");
        assertThat(asked[1]).isEqualTo(AttachmentDownload.contentDisposition(view));
    }
}
