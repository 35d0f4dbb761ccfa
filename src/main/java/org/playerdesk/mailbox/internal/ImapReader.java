package org.playerdesk.mailbox.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads a mailbox's unread messages over IMAP. Each is taken by {@link MailIntake} (committed)
 * and only then marked read on the server: a node stopped in between leaves it unread, the next
 * read takes it again, and its Message-ID, already kept, makes that a no-op.
 */
@Component
class ImapReader {

    private static final Logger log = LoggerFactory.getLogger(ImapReader.class);

    /** What one read did. */
    record Read(int taken, int failed) {
    }

    /** Runs between the commit and the flag; a test makes it fail to stand for a node stopped there. */
    interface AfterCommit {
        void run(Message message);
    }

    private final MailIntake intake;
    volatile AfterCommit afterCommit = message -> {
    };

    ImapReader(MailIntake intake) {
        this.intake = intake;
    }

    static Store connect(Mailbox box) throws MessagingException {
        String protocol = box.imapSsl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "60000");
        // fetching a message must not mark it read: only the commit of its ticket may
        properties.put("mail." + protocol + ".peek", "true");
        Store store = Session.getInstance(properties).getStore(protocol);
        store.connect(box.imapHost(), box.imapPort() == null ? -1 : box.imapPort(), box.imapUsername(),
                box.imapPassword());
        return store;
    }

    /** Connects, reads the unread messages once, and disconnects. */
    Read read(Mailbox box) throws MessagingException {
        try (Store store = connect(box)) {
            Folder folder = store.getFolder(box.folder());
            folder.open(Folder.READ_WRITE);
            try {
                return readUnseen(box, folder);
            } finally {
                folder.close(false);
            }
        }
    }

    /** Reads the unread messages of an open folder. */
    Read readUnseen(Mailbox box, Folder folder) throws MessagingException {
        int taken = 0;
        int failed = 0;
        for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
            byte[] raw;
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                message.writeTo(out);
                raw = out.toByteArray();
            } catch (IOException e) {
                throw new MessagingException("the message could not be fetched", e);
            }
            try {
                intake.receive(box, raw);
            } catch (MailReading.UnreadableMail unreadable) {
                log.warn("A message of mailbox {} is not MIME and is left read: {}", box.address(),
                        unreadable.getMessage());
            } catch (RuntimeException e) {
                // left unread: the next read takes it again
                log.warn("A message of mailbox {} was not taken this time: {}", box.address(), e.toString());
                failed++;
                continue;
            }
            afterCommit.run(message);
            message.setFlag(Flags.Flag.SEEN, true);
            taken++;
        }
        return new Read(taken, failed);
    }
}
