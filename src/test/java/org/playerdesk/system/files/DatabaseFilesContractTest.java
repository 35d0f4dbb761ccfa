package org.playerdesk.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The file store's promises, kept in the application's database (H2, or PostgreSQL when the
 * suite runs on it): content in chunks of 1 MiB, written with the command's transaction.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class DatabaseFilesContractTest extends FileStoreContract {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    DatabaseFiles database;
    String prefix;

    @BeforeEach
    void setUp() {
        database = new DatabaseFiles(jdbc, new TransactionTemplate(transactionManager), Clock.systemUTC());
        prefix = TestWorkspace.unique("t").toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Override
    FileStores stores() {
        return database;
    }

    @Override
    PlatformTransactionManager transactions() {
        return transactionManager;
    }

    /** Each test in areas of its own: the database is shared by the whole test run. */
    @Override
    String area(String base) {
        return prefix + "-" + base;
    }

    @Test
    void keepsAFileInRowsOfOneMebibyteAtMost() {
        StoredFile stored = area().put(new Generated(DatabaseFiles.CHUNK * 2L + 5, 7));

        assertThat(jdbc.queryForList("select octet_length(content) from stored_file_chunk where area = ? and storage_key = ? "
                + "order by chunk", Long.class, area("files"), stored.key()))
                .containsExactly((long) DatabaseFiles.CHUNK, (long) DatabaseFiles.CHUNK, 5L);
        assertThat(jdbc.queryForMap("select size_bytes, sha256 from stored_file where area = ? and storage_key = ?",
                area("files"), stored.key()))
                .containsEntry("size_bytes", stored.size()).containsEntry("sha256", stored.sha256());
    }

    @Test
    void aFileIsPartOfTheCommandThatWritesIt() {
        String[] key = new String[1];
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            key[0] = area().put(new ByteArrayInputStream(CONTENT)).key();
            // the command sees its file; undone, the file goes with the command's other rows
            assertThat(area().exists(key[0])).isTrue();
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("select count(*) from stored_file_chunk where storage_key = ?", Integer.class,
                key[0])).isZero();
    }
}
