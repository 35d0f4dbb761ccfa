package org.playerdesk.system.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.PlayerDeskProperties;
import org.springframework.util.unit.DataSize;

/**
 * What only the local folders do: where a file lies on disk, an older file found by its key, a
 * failed write leaving nothing behind. What every store does is {@link FileStoreContract}'s.
 */
class LocalFoldersTest {

    static final byte[] CONTENT = "充值记录 2026-05-04\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;
    LocalFolders folders;

    @BeforeEach
    void setUp() {
        PlayerDeskProperties properties = new PlayerDeskProperties(dataDir, false,
                new PlayerDeskProperties.Attachments(DataSize.ofKilobytes(1), 5), null);
        folders = new LocalFolders(properties, Clock.fixed(Instant.parse("2026-05-04T23:59:59Z"), ZoneOffset.UTC));
    }

    @Test
    void putsANewFileUnderTheAreaByMonthAndTellsItsSizeAndFingerprint() throws IOException {
        StoredFile stored = folders.area("files").put(new ByteArrayInputStream(CONTENT));

        assertThat(stored.key()).matches("2026/05/[0-9a-f-]{36}");
        assertThat(stored.size()).isEqualTo(CONTENT.length);
        assertThat(stored.sha256()).isEqualTo(Hashes.sha256(CONTENT));
        assertThat(Files.readAllBytes(dataDir.resolve("files").resolve(stored.key()))).isEqualTo(CONTENT);
    }

    @Test
    void findsAFileWrittenBeforeByItsKey() throws IOException {
        Path earlier = dataDir.resolve("kb-images/2025/11/0190f5a2-6c1e-7000-8000-000000000001");
        Files.createDirectories(earlier.getParent());
        Files.write(earlier, CONTENT);
        FileStore images = folders.area("kb-images");

        assertThat(images.exists("2025/11/0190f5a2-6c1e-7000-8000-000000000001")).isTrue();
        assertThat(images.get("2025/11/0190f5a2-6c1e-7000-8000-000000000001").orElseThrow().getContentAsByteArray())
                .isEqualTo(CONTENT);
        assertThat(folders.area("files").exists("2025/11/0190f5a2-6c1e-7000-8000-000000000001")).isFalse();
    }

    @Test
    void leavesNoHalfWrittenFileWhenTheSourceFails() {
        InputStream failing = new InputStream() {
            private int left = 10;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                left--;
                return 'x';
            }
        };

        assertThatThrownBy(() -> folders.area("files").put(failing)).isInstanceOf(UncheckedIOException.class);
        assertThat(dataDir.resolve("files/2026/05")).isEmptyDirectory();
    }

    @Test
    void refusesKeysOutsideTheAreaAndAreaNamesThatAreNotWords() {
        FileStore store = folders.area("files");

        assertThatThrownBy(() -> store.get("../playerdesk.mv.db")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.exists("2026/../../kb-images/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.delete("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> folders.area("../outside")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> folders.area("")).isInstanceOf(IllegalArgumentException.class);
    }
}
