package org.playerdesk.chat.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.AgentSeat;
import org.playerdesk.chat.ChatDesk;
import org.playerdesk.chat.ChatLine;
import org.playerdesk.chat.ChatQueue;
import org.playerdesk.chat.ChatRefused;
import org.playerdesk.chat.ChatSeats;
import org.playerdesk.chat.ChatView;
import org.playerdesk.chat.Presence;
import org.playerdesk.chat.Sender;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.system.validation.Codes;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import tools.jackson.databind.json.JsonMapper;

/**
 * The agents' chat console: one page holding several chats at once, kept up to date over the
 * WebSocket; the actions (presence, accept, transfer, end) are plain posts with the console's
 * CSRF token, answered with the new state.
 */
@Controller
@RequestMapping("/console/chat")
class ConsoleChatController {

    static final String[] SCRIPT_TEXTS = { "seats", "accept", "transferTo", "end", "send", "canned", "ticket", "player", "typing",
        "read", "image", "connected", "reconnecting", "status.active", "status.ended", "status.ticket",
        "status.waiting", "error.chat.failed", "error.chat.accept.no-seat", "error.chat.accept.taken",
        "error.chat.transfer.no-seat", "error.chat.rate-limited", "error.chat.invalid", "error.chat.ended",
        "error.chat.not-yours", "bot.agent", "bot.wrote", "bot.unanswered", "bot.article" };
    static final int CANNED_REPLIES = 6;

    private final ChatDesk desk;
    private final ChatQueue queue;
    private final ChatSeats seats;
    private final GameCatalog games;
    private final MessageSource messages;
    private final JsonMapper json;
    private final ConflictRetry conflicts;

    ConsoleChatController(ChatDesk desk, ChatQueue queue, ChatSeats seats, GameCatalog games, MessageSource messages,
            JsonMapper json, ConflictRetry conflicts) {
        this.conflicts = conflicts;
        this.desk = desk;
        this.queue = queue;
        this.seats = seats;
        this.games = games;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping
    String page(@AuthenticationPrincipal StaffUser me, Model model, Locale locale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : SCRIPT_TEXTS) {
            texts.put(key, messages.getMessage("chat.js." + key, null, locale));
        }
        List<String> canned = new ArrayList<>();
        for (int i = 1; i <= CANNED_REPLIES; i++) {
            canned.add(messages.getMessage("chat.canned." + i, null, locale));
        }
        model.addAttribute("seat", seats.seat(me.member()));
        model.addAttribute("texts", json.writeValueAsString(texts));
        model.addAttribute("canned", json.writeValueAsString(canned));
        model.addAttribute("presences", Presence.values());
        return "chat/console";
    }

    /** Everything the console shows: the agent's seat, their chats, the queue and who is online to transfer to. */
    @GetMapping("/state")
    @ResponseBody
    Map<String, Object> state(@AuthenticationPrincipal StaffUser me) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("seat", seat(seats.seat(me.member())));
        List<Map<String, Object>> mine = new ArrayList<>();
        List<Map<String, Object>> online = new ArrayList<>();
        for (ChatView chat : seats.active(me.member())) {
            Map<String, Object> held = chat(chat);
            // what the bot offered before the chat queued, and what the player said of it
            desk.botOffer(chat.id()).filter(offer -> !offer.open()).ifPresent(offer -> held.put("bot", Map.of(
                    "title", offer.answer().title(), "link", offer.answer().link(),
                    "confidence", offer.answer().confidence(), "outcome", offer.outcome())));
            mine.add(held);
            for (AgentSeat seat : seats.online(chat.gameId())) {
                if (!seat.staffId().equals(me.id()) && online.stream().noneMatch(s -> s.get("id").equals(seat.staffId()))) {
                    online.add(seat(seat));
                }
            }
        }
        state.put("mine", mine);
        state.put("waiting", queue.waiting(me.member()).stream().map(ConsoleChatController::chat).toList());
        state.put("agents", online);
        state.put("games", games.servedBy(me.gameScope()).stream()
                .map(GameInfo::id).toList());
        return state;
    }

    /** The open console says it is still there; an agent whose console falls silent goes offline. */
    @PostMapping("/heartbeat")
    @ResponseBody
    Map<String, Object> heartbeat(@AuthenticationPrincipal StaffUser me) {
        seats.heartbeat(me.id());
        return Map.of("ok", true);
    }

    @PostMapping("/presence")
    @ResponseBody
    Map<String, Object> presence(@AuthenticationPrincipal StaffUser me, @RequestParam String presence,
            @RequestParam(required = false) Integer capacity) {
        mayWork(me);
        return seat(seats.setPresence(me.member(), presence(presence), capacity));
    }

    /** The presence chosen by its code; none or an unknown one is refused, naming the valid codes. */
    private static Presence presence(String code) {
        return Codes.require("presence", code, Presence.class);
    }

    @PostMapping("/{chat}/accept")
    @ResponseBody
    Map<String, Object> accept(@AuthenticationPrincipal StaffUser me, @PathVariable UUID chat) {
        mayWork(me);
        // the chat's ticket may be changing at this moment (its first tags, rules, service levels)
        return chat(conflicts.call(() -> queue.accept(chat, me)));
    }

    @PostMapping("/{chat}/transfer")
    @ResponseBody
    Map<String, Object> transfer(@AuthenticationPrincipal StaffUser me, @PathVariable UUID chat,
            @RequestParam UUID to) {
        mayWork(me);
        return chat(seats.transfer(chat, me, to));
    }

    @PostMapping("/{chat}/end")
    @ResponseBody
    Map<String, Object> end(@AuthenticationPrincipal StaffUser me, @PathVariable UUID chat) {
        return chat(desk.end(chat, Sender.agent(me)));
    }

    /** A finding of the reply checks in a draft line: the check's code, whether it blocks, and its words. */
    record LineFinding(String code, boolean blocks, String text) {
    }

    /**
     * What the reply checks would find in a line the agent is typing, were it sent now (nothing is
     * written), named in the reader's language: the chat card shows it under the reply box.
     */
    @PostMapping("/{chat}/check")
    @ResponseBody
    Map<String, List<LineFinding>> check(@AuthenticationPrincipal StaffUser me, @PathVariable UUID chat,
            @RequestParam(defaultValue = "") String body, Locale locale) {
        return Map.of("findings", desk.checkDraft(chat, Sender.agent(me), body).stream()
                .map(found -> new LineFinding(found.code(), found.blocks(), messages.getMessage(
                        "reply.finding." + found.code(), new Object[] { found.evidence() }, found.code(), locale)))
                .toList());
    }

        @GetMapping("/{chat}/lines")
    @ResponseBody
    List<ChatLine> lines(@AuthenticationPrincipal StaffUser me, @PathVariable UUID chat,
            @RequestParam(defaultValue = "0") long after) {
        if (!desk.mayWatch(me.member(), chat)) {
            throw new NotFoundException("chat", chat);
        }
        return desk.history(chat, after);
    }

    private static void mayWork(StaffUser me) {
        if (!me.can(Permission.WORK_TICKETS)) {
            throw new ChatRefused("chat.permission", "your role cannot take chats");
        }
    }

    private static Map<String, Object> seat(AgentSeat seat) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", seat.staffId());
        map.put("name", seat.displayName());
        map.put("presence", seat.presence().code());
        map.put("capacity", seat.capacity());
        map.put("active", seat.active());
        return map;
    }

    private static Map<String, Object> chat(ChatView chat) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", chat.id());
        map.put("game", chat.gameId());
        map.put("nickname", chat.nickname());
        map.put("accountId", chat.accountId());
        map.put("vipLevel", chat.vipLevel());
        map.put("server", chat.server());
        map.put("guest", chat.guest());
        map.put("status", chat.status().code());
        map.put("agent", chat.agentName());
        map.put("ticket", chat.ticketId());
        map.put("lastSeq", chat.lastSeq());
        map.put("playerRead", chat.playerRead());
        map.put("createdAt", chat.createdAt());
        return map;
    }
}
