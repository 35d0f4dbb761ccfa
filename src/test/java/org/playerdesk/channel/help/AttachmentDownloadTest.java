package org.playerdesk.channel.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AttachmentDownloadTest {

    @Test
    void chineseNamesTravelAsRfc5987WithAnAsciiFallback() {
        assertThat(AttachmentDownload.contentDisposition(false, "充值记录.pdf"))
                .isEqualTo("attachment; filename=\"____.pdf\"; filename*=UTF-8''%E5%85%85%E5%80%BC%E8%AE%B0%E5%BD%95.pdf");
    }

    @Test
    void quotesAndSeparatorsCannotBreakTheHeader() {
        assertThat(AttachmentDownload.contentDisposition(true, "a\"b;c\\d e.png"))
                .isEqualTo("inline; filename=\"a_b_c_d e.png\"; filename*=UTF-8''a%22b%3Bc%5Cd%20e.png");
    }

    @Test
    void aFileWithoutANameStillDownloads() {
        assertThat(AttachmentDownload.contentDisposition(false, " "))
                .isEqualTo("attachment; filename=\"file\"; filename*=UTF-8''file");
    }
}
