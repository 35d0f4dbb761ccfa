package org.playerdesk.mailbox.internal;

import java.util.List;

import org.playerdesk.ticket.Upload;

/**
 * A message as read from its raw MIME: who sent it, what it answers, its new text (what the ticket
 * shows) and the rest folded (quoted history, signature), its HTML made safe, the files kept and
 * those refused, and whether a machine wrote it ({@link #automatic}, {@link #bounce}).
 */
record InboundMessage(String messageId, String sender, String senderName, List<String> recipients, String subject,
        List<String> answers, String text, String folded, String html, List<Upload> files, List<String> refused,
        String automatic, Bounce bounce) {

    /** A delivery report: the Message-ID of the mail that could not be delivered (if it says), and why. */
    record Bounce(String originalMessageId, String reason) {
    }

    boolean machineWritten() {
        return automatic != null || bounce != null;
    }
}
