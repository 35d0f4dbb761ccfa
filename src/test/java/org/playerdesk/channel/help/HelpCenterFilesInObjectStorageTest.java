package org.playerdesk.channel.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.files.Relay;
import org.playerdesk.system.files.S3MockServer;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.Upload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The help center's attachments with {@code playerdesk.files.store=s3}, in S3Mock reached through
 * a relay the tests can cut: while the storage is out of reach a player's ticket with a file is
 * refused as a whole with a clear 503, and nothing of it is stored.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class HelpCenterFilesInObjectStorageTest extends SharedFilesContract {

    static final S3MockServer server = S3MockServer.shared();
    static final Relay storage = new Relay(server.port());
    static final String BUCKET = "playerdesk-help-files";

    @Autowired
    TicketDesk desk;

    @DynamicPropertySource
    static void objectStorage(DynamicPropertyRegistry registry) {
        server.createBucket(BUCKET);
        registry.add("playerdesk.files.store", () -> "s3");
        registry.add("playerdesk.files.s3.bucket", () -> BUCKET);
        registry.add("playerdesk.files.s3.prefix", () -> "desk/");
        registry.add("playerdesk.files.s3.endpoint", () -> storage.endpoint().toString());
        registry.add("playerdesk.files.s3.path-style", () -> "true");
        registry.add("playerdesk.files.s3.access-key", () -> S3MockServer.ACCESS_KEY);
        registry.add("playerdesk.files.s3.secret-key", () -> S3MockServer.SECRET_KEY);
    }

    @AfterEach
    void storageBack() {
        storage.restore();
    }

    @Override
    void assertKept(byte[] content) {
        try (S3Client client = server.client()) {
            List<S3Object> objects = client.listObjectsV2(b -> b.bucket(BUCKET).prefix("desk/files/")).contents();
            boolean found = false;
            for (S3Object object : objects) {
                HeadObjectResponse head = client.headObject(b -> b.bucket(BUCKET).key(object.key()));
                if (sha256(content).equals(head.metadata().get("sha256"))) {
                    assertThat(head.contentLength()).isEqualTo(content.length);
                    found = true;
                }
            }
            assertThat(found).as("an object with the content's SHA-256 under desk/files/").isTrue();
        }
    }

    @Test
    void whileTheStorageIsOutOfReachATicketWithAFileIsRefusedWholeAndSaysSo() throws Exception {
        storage.cut();

        String page = mvc.perform(ticketForm(png(2048)))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString();

        assertThat(HelpCenterTest.testIdText(page, "error-form"))
                .isEqualTo("文件存储暂时无法使用，本次提交未保存任何内容。请几分钟后重试。");
        assertThat(page).contains("角色卡在地图边缘");
        assertThat(tickets()).isEmpty();

        String english = mvc.perform(ticketForm(png(2048)).header("Accept-Language", "en"))
                .andExpect(status().isServiceUnavailable())
                .andReturn().getResponse().getContentAsString();
        assertThat(HelpCenterTest.testIdText(english, "error-form")).startsWith("Files cannot be stored");
        assertThat(tickets()).isEmpty();
    }

    @Test
    void whileTheStorageIsOutOfReachRepliesWithFilesAndDownloadsAnswer503() throws Exception {
        Opened opened = desk.open(new NewTicket(game.id(), PlayerIdentity.of(TestWorkspace.unique("acc")), "bug", "web",
                null, "带附件", "见附件", "p@example.com", null, true), List.of(new Upload("shot.png", png(1024))));
        String link = "/help/" + game.code() + "/t/" + opened.followToken();
        UUID attachment = queries.details(opened.ticket().id(), false).messages().getFirst().attachments().getFirst()
                .id();
        int messages = queries.details(opened.ticket().id(), true).messages().size();
        storage.cut();

        mvc.perform(multipart(link + "/messages").file(new MockMultipartFile("files", "again.png", "image/png",
                png(1024))).param("message", "再发一次").with(csrf()))
                .andExpect(status().isServiceUnavailable());
        mvc.perform(get(link + "/attachments/" + attachment))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"));

        storage.restore();
        assertThat(queries.details(opened.ticket().id(), true).messages()).hasSize(messages);
        mvc.perform(get(link + "/attachments/" + attachment)).andExpect(status().isOk());
    }
}
