package org.playerdesk.ticket.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.PersonalData;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.HistoryEntry;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketOnPage;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketPresence;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.internal.CardLayouts;
import org.playerdesk.ticket.internal.MessageFindings;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One ticket as an agent works it: the conversation, the player, the history and the actions. */
@Controller
class TicketPageController {

    static final int OTHER_TICKETS = 10;
    /** The page whose side cards the layout arranges. */
    static final String PAGE = "ticket";

    private final ConsoleTickets tickets;
    private final TicketQueries queries;
    private final PlayerDirectory players;
    private final StaffDirectory staff;
    private final GameCatalog games;
    private final PlayerDeskProperties properties;
    private final List<TicketPanel> panels;
    private final PersonalData personalData;
    private final CardLayouts layouts;
    private final MessageFindings findings;

    TicketPageController(ConsoleTickets tickets, TicketQueries queries, PlayerDirectory players, StaffDirectory staff,
            GameCatalog games, PlayerDeskProperties properties, List<TicketPanel> panels, PersonalData personalData,
            CardLayouts layouts, MessageFindings findings) {
        this.layouts = layouts;
        this.findings = findings;
        this.properties = properties;
        this.personalData = personalData;
        this.panels = panels.stream().sorted(Comparator.comparingInt(TicketPanel::order)).toList();
        this.tickets = tickets;
        this.queries = queries;
        this.players = players;
        this.staff = staff;
        this.games = games;
    }

    @GetMapping("/console/tickets/{id}")
    String ticket(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        tickets.visible(id, me);
        TicketDetails details = queries.details(id, true);
        TicketView ticket = details.ticket();
        model.addAttribute("details", details);
        model.addAttribute("t", ticket);
        // what the reply checks found in each agent reply (data-finding on the message)
        model.addAttribute("findings", findings.of(id));
        GameInfo game = games.get(ticket.gameId());
        model.addAttribute("game", game);
        PlayerSummary player = players.get(ticket.playerId());
        model.addAttribute("player", player);
        // read once for the whole page: every panel takes the ticket, its player and game from here
        TicketOnPage page = new TicketOnPage(ticket, details.metadata(), player, game);
        // masked: the ticket page has no reveal; the player page does
        model.addAttribute("playerEmail", personalData.email(
                StringUtils.hasLength(details.contactEmail()) ? details.contactEmail() : player.contactEmail()));
        model.addAttribute("otherTickets", queries.byPlayer(ticket.gameId(), ticket.playerId(), OTHER_TICKETS + 1)
                .stream().filter(other -> !other.id().equals(id)).limit(OTHER_TICKETS).toList());
        model.addAttribute("staffNames", staffNames(ticket, details.history()));
        model.addAttribute("transitions", sorted(ticket.status().next()));
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("mine", me.id().equals(ticket.assigneeId()));
        model.addAttribute("canWork", me.can(Permission.WORK_TICKETS));
        model.addAttribute("canAssignOthers", me.can(Permission.ASSIGN_OTHERS));
        model.addAttribute("canTake", me.can(Permission.WORK_TICKETS) && !me.id().equals(ticket.assigneeId())
                && (ticket.assigneeId() == null || me.can(Permission.ASSIGN_OTHERS)));
        model.addAttribute("canUnassign", ticket.assigneeId() != null
                && (me.id().equals(ticket.assigneeId()) || me.can(Permission.ASSIGN_OTHERS)));
        if (me.can(Permission.ASSIGN_OTHERS)) {
            model.addAttribute("assignable", staff.servingGame(ticket.gameId()));
        }
        addReplyChoices(ticket.status(), model);
        model.addAttribute("maxFiles", properties.attachments().maxPerMessage());
        model.addAttribute("maxFileBytes", properties.attachments().maxSize().toBytes());
        model.addAttribute("maxFileMb", properties.attachments().maxSize().toMegabytes());
        model.addAttribute("lastSeen", details.messages().isEmpty() ? null : details.messages().getLast().id());
        model.addAttribute("presenceEvery", TicketPresence.HEARTBEAT.toSeconds());
        model.addAttribute("mainPanels", panels(TicketPanel.Place.MAIN, page, me));
        model.addAttribute("replyPanels", panels(TicketPanel.Place.REPLY, page, me));
        model.addAttribute("sideCards", sideCards(page, details, me));
        model.addAttribute("layoutPage", PAGE);
        return "ticket/ticket";
    }

    /**
     * The cards beside the conversation, in the reader's order, the folded ones marked. By default
     * the player comes first, then the game account, then what the agent does with the ticket.
     */
    private List<SideCard> sideCards(TicketOnPage page, TicketDetails details, StaffUser me) {
        TicketView ticket = page.ticket();
        List<SideCard> cards = new ArrayList<>();
        cards.add(SideCard.builtIn("player", "ticket.player", 10));
        if (me.can(Permission.WORK_TICKETS) && ticket.status() != TicketStatus.CLOSED) {
            cards.add(SideCard.builtIn("actions", "ticket.actions", 30));
        }
        panels.stream().filter(panel -> panel.place() == TicketPanel.Place.SIDE)
                .forEach(panel -> panel.data(page, me).ifPresent(data -> cards.add(
                        new SideCard(panel.template(), panel.title(), panel.template(), data, panel.order(), false))));
        if (!details.metadata().isEmpty()) {
            cards.add(SideCard.builtIn("metadata", "ticket.metadata", 200));
        }
        cards.add(SideCard.builtIn("history", "ticket.history", 300));
        List<SideCard> ordered = cards.stream().sorted(Comparator.comparingInt(SideCard::order)).toList();
        CardLayouts.Layout layout = layouts.of(me.id(), PAGE);
        return CardLayouts.arrange(ordered, SideCard::key, layout).stream()
                .map(card -> card.folded(layout.isFolded(card.key()))).toList();
    }

    /** Remembers how the reader arranged the cards beside tickets: their order and the folded ones. */
    @PostMapping("/console/tickets/layout")
    ResponseEntity<Void> layout(@AuthenticationPrincipal StaffUser me, @RequestParam String page,
            @RequestParam(required = false) List<String> cards, @RequestParam(required = false) List<String> folded) {
        if (!PAGE.equals(page)) {
            throw new NotFoundException("layout", page);
        }
        layouts.save(me.id(), page, cards == null ? List.of() : cards,
                folded == null ? Set.of() : new HashSet<>(folded));
        return ResponseEntity.noContent().build();
    }

    /**
     * A card beside the conversation: built in (its {@code template} null; the page has its markup)
     * or a module's panel; {@code title} is the message key of its name, shown when folded.
     */
    record SideCard(String key, String title, String template, Object data, int order, boolean folded) {

        static SideCard builtIn(String key, String title, int order) {
            return new SideCard(key, title, null, null, order, false);
        }

        SideCard folded(boolean isFolded) {
            return new SideCard(key, title, template, data, order, isFolded);
        }
    }

    /** What the other modules show on this ticket, in their order; each panel asked once. */
    private List<TicketPanel.Shown> panels(TicketPanel.Place place, TicketOnPage page, StaffUser me) {
        return panels.stream().filter(panel -> panel.place() == place)
                .flatMap(panel -> panel.data(page, me).map(data -> new TicketPanel.Shown(panel.template(), data))
                        .stream())
                .toList();
    }

    /**
     * What the ticket may become right after an agent's reply. A reply opens a new ticket first,
     * so the choices follow from there; "keep" (empty) leaves the status as the reply made it.
     * Waiting for the player is the usual next step, so it is chosen when it is allowed.
     */
    private static void addReplyChoices(TicketStatus status, Model model) {
        TicketStatus afterReply = status == TicketStatus.NEW ? TicketStatus.OPEN : status;
        List<TicketStatus> choices = sorted(afterReply.next());
        model.addAttribute("afterReply", afterReply);
        model.addAttribute("replyStatuses", choices);
        model.addAttribute("replyDefault",
                choices.contains(TicketStatus.PENDING_PLAYER) ? TicketStatus.PENDING_PLAYER.code() : "");
    }

    /** Names of everyone the header and history mention by id, read in one batch. */
    private Map<String, String> staffNames(TicketView ticket, List<HistoryEntry> history) {
        Set<UUID> ids = new HashSet<>();
        if (ticket.assigneeId() != null) {
            ids.add(ticket.assigneeId());
        }
        for (HistoryEntry entry : history) {
            if ("assignee".equals(entry.action())) {
                addId(ids, entry.oldValue());
                addId(ids, entry.newValue());
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        staff.byIds(ids).forEach((id, member) -> names.put(id.toString(), member.displayName()));
        return names;
    }

    private static void addId(Set<UUID> ids, String value) {
        if (value != null) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                // not an id: nothing to look up
            }
        }
    }

    static List<TicketStatus> sorted(Set<TicketStatus> statuses) {
        return statuses.stream().sorted(Comparator.naturalOrder()).toList();
    }

}
