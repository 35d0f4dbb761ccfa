package org.playerdesk.chat.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatIdentity;
import org.playerdesk.chat.ChatLine;
import org.playerdesk.chat.ChatStarted;
import org.playerdesk.chat.ChatStatus;
import org.playerdesk.chat.ChatView;
import org.playerdesk.chat.Sender;
import org.playerdesk.chat.internal.ChatProperties;
import org.playerdesk.system.InvalidInput;
import org.playerdesk.ticket.AttachmentDownload;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.Upload;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The player's chat API, used by the widget: start a chat, catch up on what was missed, send an
 * image, end and rate. Every call after the start carries the chat token ({@code X-Chat-Token}).
 */
@RestController
@RequestMapping("/chat/api")
class PlayerChatController {

    static final String TOKEN = "X-Chat-Token";

    private final ChatDesk desk;
    private final TicketQueries tickets;
    private final ChatProperties properties;

    PlayerChatController(ChatDesk desk, TicketQueries tickets, ChatProperties properties) {
        this.desk = desk;
        this.tickets = tickets;
        this.properties = properties;
    }

    record StartRequest(ChatIdentity identity, String guestName, String clientId, String message) {
    }

    record RatingRequest(Integer score, String comment) {
    }

    @PostMapping("/{game}/chats")
    ResponseEntity<Map<String, Object>> start(@PathVariable String game, @RequestBody StartRequest request) {
        ChatStarted started = desk.start(game, request.identity(), request.guestName(), request.clientId(),
                request.message());
        Map<String, Object> body = state(started.chat(), List.of(started.first()), started.position(),
                started.expectedWaitMinutes(), started.followLink());
        body.put("token", started.token());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    /** The chat's state and the messages after {@code after}: what a reconnecting widget asks first. */
    @GetMapping("/chats/{chat}")
    Map<String, Object> catchUp(@PathVariable UUID chat, @RequestHeader(name = TOKEN, required = false) String token,
            @RequestParam(defaultValue = "0") long after) {
        ChatView view = desk.authenticate(chat, token);
        int[] queue = desk.queuePosition(chat);
        return state(view, desk.history(chat, after), queue[0], queue[1],
                view.status() == ChatStatus.TICKET ? desk.followLink(chat) : null);
    }

    @PostMapping("/chats/{chat}/images")
    ChatLine image(@PathVariable UUID chat, @RequestHeader(name = TOKEN, required = false) String token,
            @RequestParam(required = false) String clientId, @RequestParam(required = false) MultipartFile file)
            throws IOException {
        desk.authenticate(chat, token);
        if (file == null || file.isEmpty()) {
            throw InvalidInput.of("file", "choose an image");
        }
        if (file.getSize() > properties.imageMaxSize().toBytes()) {
            throw InvalidInput.of("file", "images are at most " + properties.imageMaxSize().toMegabytes() + " MB");
        }
        String type = file.getContentType() == null ? "" : file.getContentType();
        if (!type.startsWith("image/")) {
            throw InvalidInput.of("file", "only images (PNG, JPEG, GIF, WebP) can be sent");
        }
        String name = file.getOriginalFilename() == null ? "image" : file.getOriginalFilename();
        return desk.post(chat, Sender.player(chat), clientId, null, new Upload(name, file.getBytes()));
    }

    /** An image of the chat, for the player's widget (an {@code <img>} cannot send headers: the token is a parameter). */
    @GetMapping("/chats/{chat}/images/{image}")
    ResponseEntity<Resource> showImage(@PathVariable UUID chat, @PathVariable UUID image,
            @RequestParam(required = false) String token) {
        ChatView view = desk.authenticate(chat, token);
        return AttachmentDownload.of(tickets.attachment(view.ticketId(), image, false));
    }

    @PostMapping("/chats/{chat}/end")
    Map<String, Object> end(@PathVariable UUID chat, @RequestHeader(name = TOKEN, required = false) String token) {
        desk.authenticate(chat, token);
        return state(desk.end(chat, Sender.player(chat)), List.of(), 0, 0, null);
    }

    @PostMapping("/chats/{chat}/rating")
    Map<String, Object> rate(@PathVariable UUID chat, @RequestHeader(name = TOKEN, required = false) String token,
            @RequestBody RatingRequest rating) {
        desk.authenticate(chat, token);
        return state(desk.rate(chat, rating.score(), rating.comment()), List.of(), 0, 0, null);
    }

    private static Map<String, Object> state(ChatView chat, List<ChatLine> lines, int position, int wait,
            String followLink) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chat", chat.id());
        body.put("status", chat.status().code());
        body.put("agent", chat.agentName());
        body.put("position", position);
        body.put("expectedWaitMinutes", wait);
        body.put("agentRead", chat.agentRead());
        body.put("rating", chat.rating());
        body.put("followLink", followLink);
        body.put("lines", lines);
        return body;
    }
}
