package org.playerdesk.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.files.FileTypes;
import org.playerdesk.system.files.LocalFolders;
import org.springframework.util.unit.DataSize;

/** What the attachment store accepts, where it puts it, and what it refuses. */
class AttachmentStoreTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
    static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };
    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };

    @TempDir
    Path dataDir;
    AttachmentStore store;

    @BeforeEach
    void setUp() {
        PlayerDeskProperties properties = new PlayerDeskProperties(dataDir, false,
                new PlayerDeskProperties.Attachments(DataSize.ofKilobytes(1), 5), null);
        store = new AttachmentStore(properties,
                new LocalFolders(properties, Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC)));
    }

    @Test
    void storesAcceptedFileUnderTheDataDirByMonth() throws IOException {
        AttachmentStore.Stored stored = store.store("files[0]", "截图.png", PNG);

        assertThat(stored.fileName()).isEqualTo("截图.png");
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.size()).isEqualTo(PNG.length);
        assertThat(stored.sha256()).isEqualTo(Hashes.sha256(PNG));
        assertThat(stored.storageKey()).startsWith("2026/05/");
        Path file = dataDir.resolve("files").resolve(stored.storageKey());
        assertThat(Files.readAllBytes(file)).isEqualTo(PNG);
        assertThat(store.open(stored.storageKey()).orElseThrow().getContentAsByteArray()).isEqualTo(PNG);
    }

    @Test
    void decidesTheTypeByContentNotByName() {
        assertThat(store.store("f", "photo.txt", JPEG).contentType()).isEqualTo("image/jpeg");
        assertThat(store.store("f", "report", PDF).contentType()).isEqualTo("application/pdf");
        assertThat(store.store("f", "client.log", "错误: 连接超时\n".getBytes(StandardCharsets.UTF_8)).contentType())
                .isEqualTo("text/plain");
    }

    @Test
    void refusesProgramsEvenWhenNamedLikeImages() {
        assertThatThrownBy(() -> store.store("files[1]", "cute-cat.png", EXE))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("files[1]");
                        assertThat(error.key()).isEqualTo("invalid.fileType");
                    });
                });
        assertThat(dataDir.resolve("files")).doesNotExist();
    }

    @Test
    void refusesBinaryPretendingToBeText() {
        byte[] binary = { 'a', 'b', 0, 'c' };
        assertThatThrownBy(() -> store.store("f", "notes.txt", binary)).isInstanceOf(InvalidInput.class);
        byte[] notUtf8 = { 'a', (byte) 0xC3, (byte) 0x28 };
        assertThatThrownBy(() -> store.store("f", "notes.log", notUtf8)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void refusesEmptyFile() {
        assertThatThrownBy(() -> store.store("files[0]", "empty.png", new byte[0]))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("files[0]"));
    }

    @Test
    void refusesFileOverTheLimit() {
        byte[] big = new byte[1025];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThatThrownBy(() -> store.store("files[0]", "big.png", big)).isInstanceOf(PayloadTooLarge.class);

        byte[] justRight = new byte[1024];
        System.arraycopy(PNG, 0, justRight, 0, PNG.length);
        assertThat(store.store("files[0]", "ok.png", justRight).size()).isEqualTo(1024);
    }

    @ParameterizedTest(name = "\"{0}\" is kept as \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "../../etc/passwd.png          | passwd.png",
            "..\\..\\windows\\evil.png     | evil.png",
            "/absolute/path/shot.png       | shot.png",
            "C:\\Users\\me\\shot.png       | shot.png",
            "..                            | file",
            "'a<b>c:d|e?f*g\"h.png'        | a_b_c_d_e_f_g_h.png",
            "''                            | file",
            "截图 2026-05-04.png            | 截图 2026-05-04.png" })
    void keepsNamesHarmless(String given, String kept) {
        assertThat(FileTypes.safeName(given)).isEqualTo(kept);
    }

    @Test
    void removesControlCharactersAndShortensLongNames() {
        assertThat(FileTypes.safeName("line\nbreak\u0000.png")).isEqualTo("line_break_.png");
        assertThat(FileTypes.safeName(null)).isEqualTo("file");
        String longName = "x".repeat(300) + ".png";
        assertThat(FileTypes.safeName(longName)).hasSize(200).endsWith(".png");
    }

    @Test
    void storesTraversalNamesInsideTheFilesFolder() {
        AttachmentStore.Stored stored = store.store("f", "../../../../tmp/escape.png", PNG);

        assertThat(stored.fileName()).isEqualTo("escape.png");
        assertThat(dataDir.resolve("files").resolve(stored.storageKey())).exists();
        assertThatThrownBy(() -> store.open("../../outside")).isInstanceOf(IllegalArgumentException.class);
    }
}
