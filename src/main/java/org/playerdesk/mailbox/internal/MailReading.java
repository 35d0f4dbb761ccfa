package org.playerdesk.mailbox.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.playerdesk.system.files.FileTypes;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.Upload;

/**
 * Reads a raw MIME message into an {@link InboundMessage}. The files are decided as the help
 * center decides them (the same size limit and count per message, the type from the content:
 * {@link FileTypes}); a file refused is named, not lost silently, and does not refuse the mail.
 */
final class MailReading {

    /** The limits of the help center's uploads. */
    record Limits(long maxFileSize, int maxFiles) {
    }

    /** Headers in UTF-8 (RFC 6532, sent by SMTPUTF8 servers) are read as UTF-8. */
    private static final Session SESSION = Session.getInstance(utf8Headers());
    private static final Pattern ID = Pattern.compile("<[^<>\\s]{1,490}>");
    private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");

    private MailReading() {
    }

    private static Properties utf8Headers() {
        Properties properties = new Properties();
        properties.put("mail.mime.allowutf8", "true");
        return properties;
    }

    static InboundMessage read(byte[] raw, Limits limits) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            String messageId = firstId(message.getHeader("Message-ID", null));
            if (messageId == null) {
                // no Message-ID: the content itself tells a message fetched again apart from a new one
                messageId = "<" + Hashes.sha256(raw) + "@no-message-id>";
            }
            InternetAddress from = first(message.getFrom());
            List<String> recipients = new ArrayList<>();
            addAll(recipients, message.getAllRecipients());
            for (String header : List.of("Delivered-To", "X-Original-To")) {
                String[] values = message.getHeader(header);
                if (values != null) {
                    for (String value : values) {
                        recipients.add(value.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            List<String> answers = new ArrayList<>();
            answers.addAll(ids(message.getHeader("In-Reply-To", " ")));
            List<String> references = ids(message.getHeader("References", " "));
            for (int i = references.size() - 1; i >= 0; i--) {
                answers.add(references.get(i));
            }
            Body body = new Body(limits);
            InboundMessage.Bounce bounce = null;
            if (message.isMimeType("multipart/report")) {
                bounce = report((Multipart) message.getContent(), body);
            } else {
                body.walk(message);
            }
            String sender = from == null ? null : from.getAddress().toLowerCase(Locale.ROOT);
            if (bounce == null && looksLikeBounce(sender, message.getSubject())) {
                bounce = new InboundMessage.Bounce(null, oneLine(message.getSubject()));
            }
            String text = body.plain != null ? body.plain : body.html != null ? SafeHtml.text(body.html) : "";
            Folding.Split split = Folding.split(clean(text));
            return new InboundMessage(messageId, sender, from == null ? null : oneLine(from.getPersonal()),
                    List.copyOf(new LinkedHashSet<>(recipients)), oneLine(message.getSubject()),
                    List.copyOf(new LinkedHashSet<>(answers)), split.text(), split.folded(), SafeHtml.clean(body.html),
                    body.files, body.refused, automatic(message), bounce);
        } catch (MessagingException | IOException e) {
            throw new UnreadableMail(e);
        }
    }

    /** A message that is not MIME at all. */
    static class UnreadableMail extends RuntimeException {
        UnreadableMail(Exception cause) {
            super("the message could not be read: " + cause.getMessage(), cause);
        }
    }

    /** Why a machine wrote this message (its header), or null when a person did. */
    private static String automatic(MimeMessage message) throws MessagingException {
        String submitted = message.getHeader("Auto-Submitted", null);
        if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + oneLine(submitted);
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null && BULK.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "Precedence: " + oneLine(precedence);
        }
        for (String header : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder")) {
            if (message.getHeader(header) != null) {
                return header;
            }
        }
        String returnPath = message.getHeader("Return-Path", null);
        if (returnPath != null && returnPath.strip().equals("<>")) {
            return "Return-Path: <>";
        }
        return null;
    }

    private static boolean looksLikeBounce(String sender, String subject) {
        if (sender == null) {
            return false;
        }
        String local = sender.substring(0, Math.max(0, sender.indexOf('@')));
        return local.equals("mailer-daemon") || local.equals("postmaster");
    }

    /** A delivery status report (RFC 3464): why it failed, and the Message-ID of the returned message. */
    private static InboundMessage.Bounce report(Multipart parts, Body body) throws MessagingException, IOException {
        String reason = null;
        String original = null;
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                String status = read(part);
                reason = field(status, "Diagnostic-Code");
                if (reason == null) {
                    reason = field(status, "Status");
                }
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(bytes(part.getInputStream(), 1 << 20)));
                original = firstId(headers.getHeader("Message-ID", null));
            } else if (part.isMimeType("text/plain") && body.plain == null) {
                body.plain = read(part);
            }
        }
        return new InboundMessage.Bounce(original, reason == null ? "" : oneLine(reason));
    }

    private static String read(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof InputStream in) {
            return new String(bytes(in, 1 << 20), StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }

    private static String field(String report, String name) {
        Matcher found = Pattern.compile("(?im)^" + name + ":\\s*(.+)$").matcher(report);
        return found.find() ? found.group(1).strip() : null;
    }

    /** The text and HTML of a message and its files, walking its parts. */
    private static final class Body {
        final Limits limits;
        String plain;
        String html;
        final List<Upload> files = new ArrayList<>();
        final List<String> refused = new ArrayList<>();

        Body(Limits limits) {
            this.limits = limits;
        }

        void walk(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart parts = (Multipart) part.getContent();
                for (int i = 0; i < parts.getCount(); i++) {
                    walk(parts.getBodyPart(i));
                }
                return;
            }
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null
                    || (!part.isMimeType("text/*") && !part.isMimeType("message/*"));
            if (!attached && part.isMimeType("text/plain") && plain == null) {
                plain = read(part);
            } else if (!attached && part.isMimeType("text/html") && html == null) {
                html = read(part);
            } else if (attached) {
                keep(part);
            }
        }

        private void keep(Part part) throws MessagingException, IOException {
            String name = part.getFileName();
            if (name != null) {
                name = MimeUtility.decodeText(name);
            } else {
                String[] cid = part.getHeader("Content-ID");
                name = cid != null && cid.length > 0 ? cid[0].replaceAll("[<>]", "") : "attachment-" + (files.size() + 1);
            }
            name = FileTypes.safeName(name);
            byte[] content = bytes(part.getInputStream(), limits.maxFileSize() + 1);
            if (content.length > limits.maxFileSize()) {
                refused.add(name + " (too-large)");
            } else if (content.length == 0 || FileTypes.attachment(content, name) == null) {
                refused.add(name + " (type)");
            } else if (files.size() >= limits.maxFiles()) {
                refused.add(name + " (too-many)");
            } else {
                files.add(new Upload(name, content));
            }
        }
    }

    /** At most {@code max} bytes of the stream (one more tells the caller it is longer). */
    private static byte[] bytes(InputStream in, long max) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) > 0 && out.size() <= max) {
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static String firstId(String header) {
        List<String> found = ids(header);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<String> ids(String header) {
        List<String> found = new ArrayList<>();
        if (header != null) {
            Matcher id = ID.matcher(header);
            while (id.find()) {
                found.add(id.group());
            }
        }
        return found;
    }

    private static InternetAddress first(Address[] addresses) {
        if (addresses == null) {
            return null;
        }
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                return internet;
            }
        }
        return null;
    }

    private static void addAll(List<String> into, Address[] addresses) {
        if (addresses != null) {
            for (Address address : addresses) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                    into.add(internet.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    /** A header's text on one line, without control characters. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return line.isEmpty() ? null : line;
    }

    /** A body's text without the control characters a ticket refuses. */
    private static String clean(String text) {
        String kept = text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
        if (!Texts.hasForbiddenControl(kept, true)) {
            return kept;
        }
        StringBuilder whole = new StringBuilder();
        kept.codePoints().filter(c -> c < 0xD800 || c > 0xDFFF).forEach(whole::appendCodePoint);
        return whole.toString();
    }
}
