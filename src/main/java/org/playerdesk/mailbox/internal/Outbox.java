package org.playerdesk.mailbox.internal;

import java.io.UnsupportedEncodingException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.playerdesk.mailbox.MailUndeliverable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one message to the SMTP server of {@code spring.mail.*}, with a Message-ID PlayerDesk
 * chose (in the sender's domain), so that a reply naming it, or its bounce, is recognised.
 */
@Component
class Outbox {

    /** A message to send; {@code answers} are the Message-IDs it replies to, the nearest last. */
    record Outgoing(String fromAddress, String fromName, String to, String subject, String text, String html,
            List<String> answers, Map<String, String> headers, List<File> files) {

        Outgoing {
            files = files == null ? List.of() : List.copyOf(files);
        }

        Outgoing(String fromAddress, String fromName, String to, String subject, String text, String html,
                List<String> answers, Map<String, String> headers) {
            this(fromAddress, fromName, to, subject, text, html, answers, headers, List.of());
        }
    }

    /** A file sent with the message, as the ticket keeps it. */
    record File(String name, String contentType, byte[] content) {
    }

    private final ObjectProvider<JavaMailSender> mail;

    Outbox(ObjectProvider<JavaMailSender> mail) {
        this.mail = mail;
    }

    /** Sends the message and answers its Message-ID. */
    String send(Outgoing outgoing) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new MailUndeliverable("no mail server is configured (spring.mail.host)", null);
        }
        String address = outgoing.fromAddress();
        String domain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "playerdesk";
        String id = "<" + UUID.randomUUID() + "@" + domain + ">";
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            MimeMessageHelper helper = new MimeMessageHelper(message,
                    outgoing.html() != null || !outgoing.files().isEmpty(), "UTF-8");
            helper.setFrom(outgoing.fromName() == null ? new InternetAddress(address)
                    : new InternetAddress(address, outgoing.fromName(), "UTF-8"));
            helper.setTo(outgoing.to());
            helper.setSubject(outgoing.subject());
            if (outgoing.html() != null) {
                helper.setText(outgoing.text(), outgoing.html());
            } else {
                helper.setText(outgoing.text());
            }
            for (File file : outgoing.files()) {
                helper.addAttachment(file.name(), new ByteArrayResource(file.content()), file.contentType());
            }
            if (!outgoing.answers().isEmpty()) {
                message.setHeader("In-Reply-To", outgoing.answers().get(outgoing.answers().size() - 1));
                message.setHeader("References", String.join(" ", outgoing.answers()));
            }
            for (Map.Entry<String, String> header : outgoing.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            sender.send(message);
            return id;
        } catch (MessagingException | MailException | UnsupportedEncodingException e) {
            throw new MailUndeliverable("the mail server refused the message: " + e.getMessage(), e);
        }
    }
}
