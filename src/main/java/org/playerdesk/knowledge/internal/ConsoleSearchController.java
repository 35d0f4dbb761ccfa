package org.playerdesk.knowledge.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ArticleSearch;
import org.playerdesk.knowledge.TicketFinder;
import org.playerdesk.knowledge.TicketHit;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Controller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The search box of the console's top bar, within the games the reader serves: a ticket number
 * ({@code 42} or {@code #42}) opens that ticket, a player's account opens the player, and words
 * list the tickets that hold them (the console's full-text ticket search). A number that is also
 * an account, or that several games' tickets carry, lists every match instead.
 */
@Controller
class ConsoleSearchController {

    static final int HITS = 50;
    private static final Pattern NUMBER = Pattern.compile("(#)?\\s*(\\d{1,18})");

    private final TicketFinder finder;
    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final GameCatalog games;

    ConsoleSearchController(TicketFinder finder, TicketQueries tickets, PlayerDirectory players, GameCatalog games) {
        this.finder = finder;
        this.tickets = tickets;
        this.players = players;
        this.games = games;
    }

    @GetMapping("/console/search")
    String search(@RequestParam(defaultValue = "") String q, @AuthenticationPrincipal StaffUser me, Model model) {
        String asked = q.strip();
        if (asked.length() > ArticleSearch.QUERY_MAX) {
            asked = asked.substring(0, ArticleSearch.QUERY_MAX);
        }
        model.addAttribute("q", asked);
        if (asked.isEmpty()) {
            return "knowledge/search";
        }
        Set<UUID> scope = me.gameScope();
        Matcher number = NUMBER.matcher(asked);
        boolean onlyNumber = number.matches() && number.group(1) != null;
        List<TicketView> numbered = number.matches() ? byNumber(scope, Long.parseLong(number.group(2))) : List.of();
        List<PlayerSummary> accounts = onlyNumber ? List.of()
                : players.byIds(players.idsByAccount(scope, asked)).values().stream()
                        .sorted(Comparator.comparing(PlayerSummary::firstSeenAt)).toList();
        if (numbered.size() == 1 && accounts.isEmpty()) {
            return "redirect:/console/tickets/" + numbered.getFirst().id();
        }
        if (numbered.isEmpty() && accounts.size() == 1) {
            return "redirect:/console/players/" + accounts.getFirst().id();
        }
        List<TicketView> found = onlyNumber ? List.of()
                : tickets.byIds(finder.find(scope, asked, HITS).stream().map(TicketHit::ticketId).toList());
        List<GameInfo> served = scope == null ? games.all() : games.all(scope);
        model.addAttribute("gameNames", served.stream()
                .collect(Collectors.toMap(game -> game.id().toString(), GameInfo::name)));
        model.addAttribute("accounts", accounts);
        Set<UUID> byNumber = numbered.stream().map(TicketView::id).collect(Collectors.toSet());
        model.addAttribute("ticketsFound", Stream.concat(numbered.stream(),
                found.stream().filter(t -> !byNumber.contains(t.id()))).toList());
        return "knowledge/search";
    }

    /** The tickets with this number in the reader's games (one per game at most), newest first. */
    private List<TicketView> byNumber(Set<UUID> scope, long number) {
        TicketFilter filter = new TicketFilter(scope, null, null, null, null, null, null, false, number, null, null,
                TicketFilter.Order.NEWEST);
        return tickets.search(filter, 0, TicketQueries.PAGE_SIZE_MAX).getContent();
    }
}
