package org.playerdesk.system.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.playerdesk.TestWorkspace;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.files.FilesProperties.Kind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Moving files between stores: every file arrives under its key and is checked by its SHA-256,
 * a second run finds them there and copies nothing, a bad copy is replaced, and while files move
 * the application reads those not moved yet from the old store.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class FileMigrationTest {

    @TempDir
    Path dataDir;
    @Autowired
    ObjectProvider<JdbcTemplate> jdbc;
    @Autowired
    ObjectProvider<PlatformTransactionManager> transactions;

    FileBackends backends;
    List<String> progress = new ArrayList<>();
    String attachments;
    String images;

    @BeforeEach
    void setUp() {
        S3MockServer server = S3MockServer.shared();
        String bucket = TestWorkspace.unique("moved").toLowerCase(Locale.ROOT).replace('_', '-');
        server.createBucket(bucket);
        FilesProperties files = new FilesProperties(Kind.LOCAL, null, null, server.settings(bucket, ""));
        backends = new FileBackends(new PlayerDeskProperties(dataDir, false, null, null), files, jdbc, transactions,
                Clock.systemUTC());
        // areas of this test's own: the database is shared by the whole test run
        String prefix = TestWorkspace.unique("m").toLowerCase(Locale.ROOT).replace('_', '-');
        attachments = prefix + "-files";
        images = prefix + "-kb-images";
    }

    @AfterEach
    void close() {
        backends.destroy();
    }

    @Test
    void movesEveryFileUnderItsKeyAndAgainFindsThemThere() throws IOException {
        List<StoredFile> local = List.of(put(Kind.LOCAL, attachments, "截图一"), put(Kind.LOCAL, attachments, "日志二"),
                put(Kind.LOCAL, images, "图片三"));

        List<FileMigration.Outcome> first = migration().run("local:database", areas());

        assertThat(first).containsExactly(new FileMigration.Outcome(attachments, 2, 2, 0, 0),
                new FileMigration.Outcome(images, 1, 1, 0, 0));
        for (StoredFile file : local) {
            String area = file == local.get(2) ? images : attachments;
            assertThat(read(Kind.DATABASE, area, file.key())).isEqualTo(read(Kind.LOCAL, area, file.key()));
        }
        assertThat(progress).contains(attachments + ": 2 of 2 files (100%): 2 copied, 0 already there, 0 failed");

        List<FileMigration.Outcome> again = migration().run("local:database", areas());

        assertThat(again).containsExactly(new FileMigration.Outcome(attachments, 2, 0, 2, 0),
                new FileMigration.Outcome(images, 1, 0, 1, 0));
    }

    @Test
    void replacesACopyThatDiffersAndMovesOnToObjectStorage() throws IOException {
        StoredFile file = put(Kind.DATABASE, attachments, "完整的内容");
        area(Kind.S3, attachments).write(file.key(), new ByteArrayInputStream("半".getBytes(StandardCharsets.UTF_8)));

        List<FileMigration.Outcome> outcome = migration().run("database:s3", Set.of(attachments));

        assertThat(outcome).containsExactly(new FileMigration.Outcome(attachments, 1, 1, 0, 0));
        assertThat(read(Kind.S3, attachments, file.key())).isEqualTo("完整的内容");
    }

    @Test
    void whileFilesMoveTheOnesNotMovedYetAreReadFromTheOldStore() throws IOException {
        StoredFile old = put(Kind.LOCAL, attachments, "旧文件");
        FileStore moving = new MovingFiles(backends.of(Kind.DATABASE), backends.of(Kind.LOCAL)).area(attachments);

        StoredFile fresh = moving.put(new ByteArrayInputStream("新文件".getBytes(StandardCharsets.UTF_8)));

        assertThat(moving.get(old.key()).orElseThrow().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("旧文件");
        assertThat(area(Kind.DATABASE, attachments).exists(fresh.key())).isTrue();
        assertThat(area(Kind.LOCAL, attachments).exists(fresh.key())).isFalse();

        migration().run("local:database", Set.of(attachments));

        assertThat(area(Kind.DATABASE, attachments).exists(old.key())).isTrue();
        assertThat(moving.get(old.key()).orElseThrow().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("旧文件");
    }

    @Test
    void refusesACommandThatIsNotFromAndTo() {
        assertThatThrownBy(() -> migration().run("local", areas())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("<from>:<to>");
        assertThatThrownBy(() -> migration().run("local:ftp", areas())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp");
        assertThatThrownBy(() -> migration().run("s3:s3", areas())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same store");
    }

    private FileMigration migration() {
        return new FileMigration(backends, progress::add);
    }

    private Set<String> areas() {
        return new LinkedHashSet<>(List.of(attachments, images));
    }

    private Area area(Kind kind, String name) {
        return (Area) backends.of(kind).area(name);
    }

    private StoredFile put(Kind kind, String area, String text) {
        return area(kind, area).put(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private String read(Kind kind, String area, String key) throws IOException {
        return area(kind, area).get(key).orElseThrow().getContentAsString(StandardCharsets.UTF_8);
    }
}
