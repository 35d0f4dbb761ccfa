package org.playerdesk.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class FileTypesTest {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };

    @Test
    void imagesAreKnownByTheirSignaturesNotByTheirNames() {
        assertThat(FileTypes.image(PNG)).isEqualTo("image/png");
        assertThat(FileTypes.image(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0 })).isEqualTo("image/jpeg");
        assertThat(FileTypes.image("GIF89a....".getBytes(StandardCharsets.US_ASCII))).isEqualTo("image/gif");
        assertThat(FileTypes.image("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).isEqualTo("image/webp");
        assertThat(FileTypes.attachment(PNG, "notes.txt")).isEqualTo("image/png");
    }

    @Test
    void aTruncatedOrLookAlikeSignatureIsNoImage() {
        assertThat(FileTypes.image(new byte[] { (byte) 0x89, 'P', 'N', 'G' })).isNull();
        assertThat(FileTypes.image("GIF8xa".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(FileTypes.image("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII))).isNull();
        assertThat(FileTypes.image(new byte[0])).isNull();
        assertThat(FileTypes.image("<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void otherAttachmentsAreDocumentsArchivesVideosOrUtf8Text() {
        assertThat(FileTypes.attachment("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "x.bin")).isEqualTo("application/pdf");
        assertThat(FileTypes.attachment(new byte[] { 'P', 'K', 3, 4, 0 }, "logs.zip")).isEqualTo("application/zip");
        assertThat(FileTypes.attachment("\0\0\0\u0018ftypmp42".getBytes(StandardCharsets.US_ASCII), "clip"))
                .isEqualTo("video/mp4");
        assertThat(FileTypes.attachment("掉线了 12:01".getBytes(StandardCharsets.UTF_8), "client.LOG")).isEqualTo("text/plain");
        assertThat(FileTypes.attachment("掉线了".getBytes(StandardCharsets.UTF_8), "client.exe")).isNull();
        assertThat(FileTypes.attachment(new byte[] { 'a', 0, 'b' }, "nul.txt")).isNull();
        assertThat(FileTypes.attachment(new byte[] { (byte) 0xC3, (byte) 0x28 }, "bad.txt")).isNull();
        assertThat(FileTypes.attachment("MZ\u0090\0".getBytes(StandardCharsets.ISO_8859_1), null)).isNull();
    }
}
