package org.playerdesk.channel.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.playerdesk.TestWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The help center's attachments with {@code playerdesk.files.store=database}. */
@SpringBootTest(properties = "playerdesk.files.store=database")
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class HelpCenterFilesInDatabaseTest extends SharedFilesContract {

    @Autowired
    JdbcTemplate jdbc;

    @Override
    void assertKept(byte[] content) {
        Map<String, Object> row = jdbc.queryForMap("select area, size_bytes from stored_file where sha256 = ?",
                sha256(content));
        assertThat(row).containsEntry("area", "files").containsEntry("size_bytes", (long) content.length);
    }
}
