package org.playerdesk.mailbox.internal;

import java.util.Locale;
import java.util.UUID;

/**
 * One support mailbox of a game: its address (what players write to, and what replies come
 * from), read over IMAP or pushed to PlayerDesk by a provider's inbound-mail webhook.
 */
record Mailbox(UUID id, UUID gameId, String address, String displayName, Kind kind, String imapHost,
        Integer imapPort, boolean imapSsl, String imapUsername, String imapPassword, String imapFolder,
        String webhookSecret, boolean enabled) {

    enum Kind {
        IMAP, WEBHOOK;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    String folder() {
        return imapFolder == null || imapFolder.isBlank() ? "INBOX" : imapFolder;
    }
}
