package org.playerdesk.ticket.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.ticket.InboxPanel;
import org.playerdesk.ticket.SavedView;
import org.playerdesk.ticket.SavedViews;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Slice;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbox: one page of tickets of the games the reader serves, filtered as the URL says. An
 * htmx request gets only the table, everything else the whole page.
 */
@Controller
class InboxController {

    private final TicketQueries queries;
    private final PlayerDirectory players;
    private final StaffDirectory staff;
    private final GameCatalog games;
    private final Clock clock;
    private final ObjectProvider<InboxPanel> panels;
    private final InboxBulkBar bulkBar;
    private final InboxTabs tabs;
    private final MessageSource messages;

    InboxController(TicketQueries queries, PlayerDirectory players, StaffDirectory staff, GameCatalog games,
            Clock clock, ObjectProvider<InboxPanel> panels, InboxBulkBar bulkBar, InboxTabs tabs,
            MessageSource messages) {
        this.messages = messages;
        this.panels = panels;
        this.bulkBar = bulkBar;
        this.tabs = tabs;
        this.queries = queries;
        this.players = players;
        this.staff = staff;
        this.games = games;
        this.clock = clock;
    }

    @GetMapping("/console/tickets")
    String inbox(@ModelAttribute("query") InboxQuery query, @AuthenticationPrincipal StaffUser me,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            @RequestParam(name = "saved", required = false) String saved, Model model) {
        SavedView open = tabs.open(saved, me);
        if (open != null) {
            // a saved view's own filters, on the page asked for
            query = InboxQuery.of(open, query.page());
            model.addAttribute("query", query);
        }
        Set<UUID> scope = me.gameScope();
        List<UUID> playerIds = query.searchesAccounts() ? players.idsByAccount(scope, query.search()) : List.of();
        TicketFilter filter = query.filter(me, playerIds);
        int page = query.pageNumber();
        Slice<TicketView> tickets = queries.search(filter, page, InboxQuery.PAGE_SIZE);

        List<GameInfo> served = scope == null ? games.all() : games.all(scope);
        model.addAttribute("rows", rows(tickets.getContent(), served));
        String view = query.view(me).code();
        model.addAttribute("view", view);
        // what an empty list says next: clear the filters, or where else work is
        model.addAttribute("emptyKey", query.filtered() || open != null ? "inbox.empty.filtered" : "inbox.empty." + view);
        model.addAttribute("page", page);
        model.addAttribute("previousUrl", page == 0 ? null
                : open != null ? InboxTabs.url(open.id(), page - 1) : query.url(view, page - 1));
        model.addAttribute("nextUrl", !tickets.hasNext() ? null
                : open != null ? InboxTabs.url(open.id(), page + 1) : query.url(view, page + 1));
        Map<String, String> viewUrls = new LinkedHashMap<>();
        for (InboxQuery.View each : InboxQuery.View.values()) {
            // leaving a saved view leaves its filters behind; otherwise the filters stay
            InboxQuery kept = open != null ? InboxQuery.builtIn(each.code()) : query;
            viewUrls.put(each.code(), kept.url(each.code(), 0));
        }
        model.addAttribute("viewUrls", viewUrls);
        bulkBar.addTo(model, me, query, filter, tickets, page);
        if (htmx != null) {
            return "ticket/inbox :: results";
        }
        model.addAttribute("openView", open);
        model.addAttribute("currentUrl", open != null ? InboxTabs.url(open.id(), page) : query.url(view, page));
        model.addAttribute("viewCounts", tabs.builtInCounts(me));
        model.addAttribute("savedTabs", tabs.saved(me, open));
        model.addAttribute("games", served);
        model.addAttribute("assignees", assignees(scope));
        model.addAttribute("types", TicketType.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("channels", TicketChannel.values());
        model.addAttribute("sorts", SavedViews.SORTS);
        model.addAttribute("inboxPanels", panels.orderedStream().sorted(Comparator.comparingInt(InboxPanel::order))
                .flatMap(panel -> panel.data(me).map(data -> new InboxPanel.Shown(panel.template(), data)).stream())
                .toList());
        return "ticket/inbox";
    }

    /**
     * Players, assignees and games of a whole page are loaded in one batch each; each row's labels,
     * names and times are worked out once here (InboxRow), not per cell by the template.
     */
    private List<InboxRow> rows(List<TicketView> tickets, List<GameInfo> served) {
        Map<UUID, PlayerSummary> byPlayer = players.byIds(
                tickets.stream().map(TicketView::playerId).collect(Collectors.toSet()));
        Map<UUID, StaffMember> byAssignee = staff.byIds(
                tickets.stream().map(TicketView::assigneeId).filter(Objects::nonNull).collect(Collectors.toSet()));
        Map<UUID, GameInfo> byGame = served.stream().collect(Collectors.toMap(GameInfo::id, Function.identity()));
        Instant now = clock.instant();
        InboxRow.Words words = new InboxRow.Words(messages, LocaleContextHolder.getLocale(), ZoneId.systemDefault());
        return tickets.stream()
                .map(t -> InboxRow.of(t, byGame.get(t.gameId()), byPlayer.get(t.playerId()),
                        t.assigneeId() == null ? null : byAssignee.get(t.assigneeId()), now, words))
                .toList();
    }

    /** Everyone who works tickets in at least one of the reader's games. */
    private List<StaffMember> assignees(Set<UUID> scope) {
        return staff.all().stream()
                .filter(m -> m.enabled() && m.role().grants(Permission.WORK_TICKETS))
                .filter(m -> scope == null || m.role().seesAllGames() || !disjoint(m.gameIds(), scope))
                .toList();
    }

    private static boolean disjoint(Set<UUID> a, Set<UUID> b) {
        Set<UUID> both = new HashSet<>(a);
        both.retainAll(b);
        return both.isEmpty();
    }
}
