package org.playerdesk.department.internal;

import java.io.IOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.search.FlagTerm;

import org.playerdesk.department.DepartmentSettings;
import org.playerdesk.department.Transfers;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads departments' email replies from PlayerDesk's mailbox over IMAP
 * ({@code playerdesk.departments.mail.imap.*}, off by default). A reply is matched to its question
 * by the token in its subject ({@code [PD-REQ-…]}); the text above the "reply above this line"
 * marker and above the quoted original becomes the answer. Every unread message is marked read,
 * whether it answered a question or not: an unknown or spent token, or a message without one, is
 * left alone. Two nodes reading the same mailbox answer a question once (the second answer is
 * refused).
 */
@Component
public class MailReplies {

    private static final Logger log = LoggerFactory.getLogger(MailReplies.class);
    /** The first line of every question email; what is written above it is the answer. */
    public static final String REPLY_ABOVE = "-- 请在此线以上回复 / Reply above this line --";
    private static final Pattern TOKEN = Pattern.compile("\\[" + QuestionDelivery.SUBJECT_TOKEN + "([A-Za-z0-9_-]{16,64})\\]");
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "^(On .+ wrote:|在.+写道[:：]?|-{2,} ?Original Message ?-{2,}|-{2,} ?原始邮件 ?-{2,}|From: .+|发件人[:：].+)$");

    private final DepartmentSettings settings;
    private final Transfers transfers;

    MailReplies(DepartmentSettings settings, Transfers transfers) {
        this.settings = settings;
        this.transfers = transfers;
    }

    /** What one read of the mailbox did. */
    public record Read(int answered, int ignored) {
    }

    @Scheduled(initialDelayString = "${playerdesk.departments.mail.imap.poll-interval:1m}",
            fixedDelayString = "${playerdesk.departments.mail.imap.poll-interval:1m}")
    void poll() {
        if (!settings.mail().imap().enabled()) {
            return;
        }
        try {
            read();
        } catch (MessagingException | RuntimeException e) {
            log.warn("Department replies not read from the mailbox this time: {}", e.getMessage());
        }
    }

    /** Reads the unread messages of the mailbox once. */
    public Read read() throws MessagingException {
        DepartmentSettings.Imap imap = settings.mail().imap();
        String protocol = imap.ssl() ? "imaps" : "imap";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "20000");
        Session session = Session.getInstance(properties);
        int answered = 0;
        int ignored = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(imap.host(), imap.port(), imap.username(), imap.password());
            Folder folder = store.getFolder(imap.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (answer(message)) {
                        answered++;
                    } else {
                        ignored++;
                    }
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        }
        return new Read(answered, ignored);
    }

    private boolean answer(Message message) throws MessagingException {
        Matcher token = TOKEN.matcher(message.getSubject() == null ? "" : message.getSubject());
        if (!token.find()) {
            return false;
        }
        try {
            String text = replyText(message);
            transfers.answerByToken(token.group(1), text, sender(message));
            return true;
        } catch (NotFoundException | RuleViolation | InvalidInput refused) {
            log.info("A department reply was ignored: {}", refused instanceof NotFoundException
                    ? "its question token is unknown" : refused.getMessage());
            return false;
        } catch (IOException e) {
            log.info("A department reply was ignored: its text could not be read");
            return false;
        }
    }

    private static String sender(Message message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
    }

    /** The new text of a reply: the plain text (or the HTML without tags) above the quoted question. */
    static String replyText(Part part) throws MessagingException, IOException {
        String text = plain(part);
        if (text == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            String stripped = line.strip();
            if (stripped.startsWith(">") || stripped.contains(REPLY_ABOVE) || QUOTE_HEADER.matcher(stripped).matches()) {
                break;
            }
            kept.append(line).append('\n');
        }
        return kept.toString().strip();
    }

    private static String plain(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < parts.getCount(); i++) {
                Part inner = parts.getBodyPart(i);
                if (Part.ATTACHMENT.equalsIgnoreCase(inner.getDisposition())) {
                    continue;
                }
                if (inner.isMimeType("text/html")) {
                    html = html == null ? plain(inner) : html;
                    continue;
                }
                String found = plain(inner);
                if (found != null) {
                    return found;
                }
            }
            return html;
        }
        if (part.isMimeType("text/html")) {
            return String.valueOf(part.getContent()).replaceAll("(?i)<br\\s*/?>|</p>|</div>", "\n")
                    .replaceAll("<[^>]*>", "").replace("&nbsp;", " ").replace("&gt;", ">").replace("&lt;", "<")
                    .replace("&amp;", "&");
        }
        return null;
    }
}
