package org.playerdesk.ticket.web;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.SavedView;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * An inbox as the URL states it, so that any view can be bookmarked and shared. Every parameter
 * is read leniently: a value that does not parse is ignored instead of failing the page.
 */
record InboxQuery(String view, String game, String type, String status, String priority, String channel,
        String assignee, String q, String sort, String page) {

    static final int PAGE_SIZE = 25;
    private static final Pattern TICKET_NUMBER = Pattern.compile("(#)?(\\d{1,18})");

    enum View {
        MINE, UNASSIGNED, ALL;

        String code() {
            return name().toLowerCase();
        }
    }

    /**
     * The view when none is asked for. Agents start with their own active tickets, the players
     * already waiting on them; supervisors and administrators, who hand work out, start with the
     * whole queue.
     */
    View view(StaffUser me) {
        for (View candidate : View.values()) {
            if (candidate.code().equals(view)) {
                return candidate;
            }
        }
        return me.can(Permission.ASSIGN_OTHERS) ? View.ALL : View.MINE;
    }

    /** Whether anything narrows the view: a game, type, status, priority, channel, assignee or words. */
    boolean filtered() {
        return Stream.of(game, type, status, priority, channel, assignee, q)
                .anyMatch(value -> value != null && !value.isBlank());
    }

    int pageNumber() {
        try {
            return page == null ? 0 : Math.clamp(Integer.parseInt(page.strip()), 0, 100_000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    TicketFilter.Order order() {
        for (TicketFilter.Order candidate : TicketFilter.Order.values()) {
            if (candidate.name().equalsIgnoreCase(sort)) {
                return candidate;
            }
        }
        return TicketFilter.Order.OLDEST;
    }

    public String sortCode() {
        return order().name().toLowerCase();
    }

    UUID gameId() {
        return uuid(game);
    }

    UUID assigneeId() {
        return uuid(assignee);
    }

    String search() {
        return q == null || q.isBlank() ? null : q.strip();
    }

    /** {@code 42} or {@code #42}: a ticket number. */
    Long ticketNumber() {
        String search = search();
        if (search == null) {
            return null;
        }
        Matcher number = TICKET_NUMBER.matcher(search);
        return number.matches() ? Long.parseLong(number.group(2)) : null;
    }

    /**
     * An account id is looked up unless the search is clearly a ticket number ({@code #42}):
     * many games use numeric account ids, so {@code 10086} may be either.
     */
    boolean searchesAccounts() {
        String search = search();
        return search != null && !search.startsWith("#");
    }

    TicketFilter filter(StaffUser me, Collection<UUID> playerIds) {
        View chosen = view(me);
        TicketStatus onlyStatus = coded(TicketStatus.class, status);
        Set<TicketStatus> statuses = onlyStatus != null ? EnumSet.of(onlyStatus)
                : chosen == View.ALL ? null : TicketStatus.ACTIVE;
        UUID assigneeId = chosen == View.MINE ? me.id() : chosen == View.UNASSIGNED ? null : assigneeId();
        Long number = ticketNumber();
        String words = number == null ? search() : null;
        return new TicketFilter(me.gameScope(), gameId(), statuses, coded(TicketType.class, type),
                coded(TicketPriority.class, priority), coded(TicketChannel.class, channel), assigneeId,
                chosen == View.UNASSIGNED, number, playerIds, words, order());
    }

    /** This inbox on another page, or in another view, keeping every other filter. */
    String url(String otherView, int otherPage) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/console/tickets");
        add(url, "view", otherView);
        add(url, "game", game);
        add(url, "type", type);
        add(url, "status", status);
        add(url, "priority", priority);
        add(url, "channel", channel);
        add(url, "assignee", assignee);
        add(url, "q", q);
        add(url, "sort", sort);
        if (otherPage > 0) {
            url.queryParam("page", otherPage);
        }
        return url.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.queryParam(name, value.strip());
        }
    }

    static <E extends Enum<E> & Coded> E coded(Class<E> type, String code) {
        for (E candidate : type.getEnumConstants()) {
            if (candidate.code().equals(code)) {
                return candidate;
            }
        }
        return null;
    }

    /** A saved view as the inbox reads it, on the page asked for. */
    static InboxQuery of(SavedView saved, String page) {
        return new InboxQuery(saved.view(), text(saved.gameId()), saved.type(), saved.status(), saved.priority(),
                saved.channel(), text(saved.assigneeId()), saved.words(), saved.sort(), page);
    }

    /** A built-in view ({@code mine}, {@code unassigned}, {@code all}) without other filters. */
    static InboxQuery builtIn(String view) {
        return new InboxQuery(view, null, null, null, null, null, null, null, null, null);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
