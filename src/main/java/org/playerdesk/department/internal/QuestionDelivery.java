package org.playerdesk.department.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.playerdesk.department.Delivery;
import org.playerdesk.department.DepartmentSettings;
import org.playerdesk.department.Transfers;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.net.OutboundAddresses;
import org.playerdesk.system.signing.SignedRequests;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a question to an email or webhook department once the transfer is stored. A failure (the
 * SMTP server or the department's system down, a non-2xx answer) fails the listener, and the event
 * publication registry hands the question to it again later; a question already sent or answered
 * is not sent again.
 */
@Component
class QuestionDelivery {

    private static final Logger log = LoggerFactory.getLogger(QuestionDelivery.class);
    static final String SUBJECT_TOKEN = "PD-REQ-";

    private final DepartmentRequestRepository requests;
    private final DepartmentRepository departments;
    private final Transfers transfers;
    private final TicketQueries tickets;
    private final GameCatalog games;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final DepartmentSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final OutboundAddresses outbound;

    QuestionDelivery(DepartmentRequestRepository requests, DepartmentRepository departments, Transfers transfers,
            TicketQueries tickets, GameCatalog games, ObjectProvider<JavaMailSender> mail, MessageSource messages,
            DepartmentSettings settings, JsonMapper json, Clock clock, OutboundAddresses outbound) {
        this.outbound = outbound;
        this.requests = requests;
        this.departments = departments;
        this.transfers = transfers;
        this.tickets = tickets;
        this.games = games;
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @ApplicationModuleListener
    void on(DeliveryDue due) throws IOException, InterruptedException, MessagingException {
        DepartmentRequest request = requests.findById(due.requestId()).orElse(null);
        if (request == null || !request.isOpen() || request.deliveredAt() != null) {
            return;
        }
        Department department = departments.findById(request.departmentId()).orElseThrow();
        TicketView ticket = tickets.head(request.ticketId());
        if (department.delivery() == Delivery.EMAIL) {
            email(department, request, ticket, due.replyToken());
        } else if (department.delivery() == Delivery.WEBHOOK) {
            webhook(department, request, ticket, due.replyToken());
        } else {
            return;
        }
        transfers.delivered(request.getId());
    }

    private void email(Department department, DepartmentRequest request, TicketView ticket, String token)
            throws MessagingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host) for department "
                    + department.code());
        }
        GameInfo game = games.get(ticket.gameId());
        Locale locale = Locales.supported(game.defaultLocale());
        String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
                .format(request.dueAt().atZone(settings.businessHours().zone()));
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.mail().from());
        helper.setReplyTo(settings.mail().replyTo());
        helper.setTo(department.email());
        helper.setSubject("[" + SUBJECT_TOKEN + token + "] " + messages.getMessage("department.mail.subject",
                new Object[] { department.name(), String.valueOf(ticket.number()), ticket.subject(), game.name() }, locale));
        helper.setText(messages.getMessage("department.mail.body", new Object[] { MailReplies.REPLY_ABOVE,
                department.name(), game.name(), String.valueOf(ticket.number()), ticket.subject(), request.question(),
                request.askedByName(), due }, locale));
        sender.send(message);
        log.info("Question {} sent to department {} by email", request.getId(), department.code());
    }

    private void webhook(Department department, DepartmentRequest request, TicketView ticket, String token)
            throws IOException, InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", "department.question");
        body.put("requestId", request.getId().toString());
        body.put("department", Map.of("id", department.getId().toString(), "code", department.code(), "name",
                department.name()));
        Map<String, Object> aboutTicket = new LinkedHashMap<>();
        aboutTicket.put("id", ticket.id().toString());
        aboutTicket.put("gameId", ticket.gameId().toString());
        aboutTicket.put("number", ticket.number());
        aboutTicket.put("subject", ticket.subject());
        aboutTicket.put("type", ticket.type().code());
        body.put("ticket", aboutTicket);
        body.put("question", request.question());
        body.put("askedBy", request.askedByName());
        body.put("askedAt", request.askedAt().toString());
        body.put("dueAt", request.dueAt().toString());
        body.put("answerUrl", settings.publicUrl() + "/department-answers/" + token);
        byte[] bytes = json.writeValueAsBytes(body);
        URI uri = URI.create(department.webhookUrl());
        outbound.check(uri);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest post = HttpRequest.newBuilder(uri).timeout(settings.webhook().readTimeout())
                .header("Content-Type", "application/json")
                .header(SignedRequests.IDEMPOTENCY_KEY, request.getId().toString())
                .header(SignedRequests.TIMESTAMP, timestamp)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(department.webhookSecret(), "POST", path,
                        timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<Void> answer = http.send(post, HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException("department " + department.code() + "'s webhook answered "
                    + answer.statusCode() + "; the question will be sent again");
        }
        log.info("Question {} sent to department {} by webhook", request.getId(), department.code());
    }

}
