package org.playerdesk.channel.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * A player's screenshot sent with a help-center ticket, kept in a store every node shares, and
 * downloaded from the player's ticket page exactly as from local folders: the same type, name,
 * sandbox and no-sniffing headers, the same bytes.
 */
abstract class SharedFilesContract {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketQueries queries;

    GameInfo game;

    @BeforeEach
    void aGame() {
        game = workspace.game();
    }

    /** Asserts that the store keeps this content, with its size and SHA-256. */
    abstract void assertKept(byte[] content);

    @Test
    void aPlayersScreenshotIsKeptInTheSharedStoreAndDownloadsAsFromLocalFolders() throws Exception {
        byte[] png = png(4096);

        MvcResult submitted = mvc.perform(ticketForm(png)).andExpect(status().is3xxRedirection()).andReturn();
        String link = submitted.getResponse().getRedirectedUrl();

        AttachmentView attachment = queries.details(onlyTicket(), false).messages().getFirst().attachments()
                .getFirst();
        MvcResult download = mvc.perform(get(link + "/attachments/" + attachment.id()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Length", Integer.toString(png.length)))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy", "sandbox"))
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(header().string("Content-Disposition",
                        "inline; filename=\"__ 1.png\"; filename*=UTF-8''%E6%88%AA%E5%9B%BE%201.png"))
                .andReturn();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(png);
        assertThat(attachment.sizeBytes()).isEqualTo(png.length);
        assertKept(png);
    }

    MockMultipartHttpServletRequestBuilder ticketForm(byte[] png) {
        MockMultipartHttpServletRequestBuilder request = multipart("/help/{game}/tickets", game.code());
        request.file(new MockMultipartFile("files", "截图 1.png", "image/png", png));
        request.param("type", "bug").param("subject", "角色卡在地图边缘").param("description", "截图见附件")
                .param("accountId", TestWorkspace.unique("acc")).param("email", "player@example.com");
        return request.with(csrf());
    }

    List<UUID> tickets() {
        return queries.search(new TicketFilter(null, game.id(), null, null, null, null, null, false, null, null, null,
                TicketFilter.Order.NEWEST), 0, 100).getContent().stream().map(t -> t.id()).toList();
    }

    UUID onlyTicket() {
        List<UUID> tickets = tickets();
        assertThat(tickets).hasSize(1);
        return tickets.getFirst();
    }

    /** A PNG of this size that no other test sends: the signature, then bytes of its own. */
    static byte[] png(int size) {
        byte[] png = new byte[size];
        new SplittableRandom(System.nanoTime()).nextBytes(png);
        byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        System.arraycopy(signature, 0, png, 0, signature.length);
        return png;
    }

    static String sha256(byte[] content) {
        return Hashes.sha256(content);
    }
}
