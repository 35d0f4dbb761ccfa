package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.PlayerDeskProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** Files sent with replies: what is kept, where, and what is refused. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketAttachmentsIntegrationTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
    static final byte[] LOG = "2026-05-04 10:00:01 ERROR 连接服务器超时\n".getBytes(StandardCharsets.UTF_8);
    static final byte[] EXE = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 };

    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketDesk desk;
    @Autowired
    TicketQueries queries;
    @Autowired
    PlayerDeskProperties properties;

    UUID ticketId;
    Actor agent;

    @BeforeEach
    void ticket() {
        GameInfo game = workspace.game();
        StaffMember member = workspace.staff(StaffRole.AGENT_L1, game);
        agent = Actor.agent(member.id(), member.displayName());
        ticketId = workspace.ticket(game, "f1", "bug").ticket().id();
    }

    @Test
    void keepsAcceptedFilesUnderTheDataDir() throws IOException {
        MessageView reply = desk.reply(ticketId, agent, "请查看附件",
                List.of(new Upload("截图.png", PNG), new Upload("client.log", LOG)), null);

        assertThat(reply.attachments()).extracting(AttachmentView::fileName, AttachmentView::contentType,
                AttachmentView::sizeBytes).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("截图.png", "image/png", (long) PNG.length),
                        org.assertj.core.groups.Tuple.tuple("client.log", "text/plain", (long) LOG.length));
        Path files = properties.dataDir().resolve("files").toAbsolutePath().normalize();
        StoredAttachment image = queries.attachment(ticketId, reply.attachments().get(0).id(), false);
        assertThat(image.content().getFile().toPath()).startsWith(files);
        assertThat(image.content().getContentAsByteArray()).isEqualTo(PNG);
        assertThat(queries.attachment(ticketId, reply.attachments().get(1).id(), true).content()
                .getContentAsByteArray()).isEqualTo(LOG);
        assertThat(queries.details(ticketId, false).messages().getLast().attachments()).hasSize(2);
    }

    @Test
    void aMessageMayBeJustAFile() {
        MessageView reply = desk.reply(ticketId, agent, "  ", List.of(new Upload("shot.png", PNG)), null);

        assertThat(reply.body()).isEmpty();
        assertThat(reply.attachments()).hasSize(1);
        assertThatThrownBy(() -> desk.reply(ticketId, agent, "  ", List.of(), null))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("message"));
    }

    @Test
    void refusesWrongTypeEmptyAndTooLargeFilesWithoutKeepingTheMessage() {
        int before = queries.details(ticketId, true).messages().size();

        assertThatThrownBy(() -> desk.reply(ticketId, agent, "附件", List.of(new Upload("a.png", PNG),
                new Upload("setup.png", EXE)), null)).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field).containsExactly("files[1]"));
        assertThatThrownBy(() -> desk.reply(ticketId, agent, "附件", List.of(new Upload("empty.log", new byte[0])), null))
                .isInstanceOf(InvalidInput.class);
        byte[] tooLarge = new byte[(int) properties.attachments().maxSize().toBytes() + 1];
        System.arraycopy(PNG, 0, tooLarge, 0, PNG.length);
        assertThatThrownBy(() -> desk.note(ticketId, agent, "附件", List.of(new Upload("big.png", tooLarge))))
                .isInstanceOf(PayloadTooLarge.class);

        TicketDetails after = queries.details(ticketId, true);
        assertThat(after.messages()).hasSize(before);
        assertThat(after.history()).extracting(HistoryEntry::action).doesNotContain("attachment");
    }

    @Test
    void sanitisesPathTraversalNames() throws IOException {
        MessageView reply = desk.reply(ticketId, agent, "附件", List.of(
                new Upload("../../../../etc/cron.d/evil.png", PNG),
                new Upload("..\\..\\Windows\\System32\\evil.log", LOG)), null);

        assertThat(reply.attachments()).extracting(AttachmentView::fileName).containsExactly("evil.png", "evil.log");
        Path files = properties.dataDir().resolve("files").toAbsolutePath().normalize();
        for (AttachmentView attachment : reply.attachments()) {
            assertThat(queries.attachment(ticketId, attachment.id(), true).content().getFile().toPath())
                    .startsWith(files).exists();
        }
    }
}
