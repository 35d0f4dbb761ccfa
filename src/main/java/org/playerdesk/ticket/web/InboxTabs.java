package org.playerdesk.ticket.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.ticket.SavedView;
import org.playerdesk.ticket.SavedViews;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The tabs above the inbox: the built-in views and the saved ones the reader sees, each with how
 * many tickets it holds. Each tab shown costs one count query (and, for a view with words, one
 * full-text search); views the reader does not see are not counted. A count stops at
 * {@link #COUNT_CAP} and then reads "1000+": with a million tickets, "All tickets" would
 * otherwise read every one of them on each inbox page.
 */
@Component
class InboxTabs {

    private final SavedViews savedViews;
    private final TicketQueries queries;
    private final PlayerDirectory players;
    /** The most a tab counts; beyond it the tab says "1000+". */
    static final long COUNT_CAP = 1_000;

    private final StaffDirectory staff;
    private final long cap;

    @Autowired
    InboxTabs(SavedViews savedViews, TicketQueries queries, PlayerDirectory players, StaffDirectory staff) {
        this(savedViews, queries, players, staff, COUNT_CAP);
    }

    InboxTabs(SavedViews savedViews, TicketQueries queries, PlayerDirectory players, StaffDirectory staff, long cap) {
        this.cap = cap;
        this.staff = staff;
        this.savedViews = savedViews;
        this.queries = queries;
        this.players = players;
    }

    /**
     * A saved view as a tab: {@code author} is who shared it (null: the reader's own);
     * {@code mayRename} (and delete) and {@code mayMove} say what the reader may do with it.
     */
    record SavedTab(SavedView view, String author, String url, String count, boolean current, boolean own,
            boolean mayRename) {

        /** Its author keeps its place in their order; an administrator may rename or delete a shared one. */
        public boolean mayMove() {
            return own;
        }
    }

    /** The saved view {@code id} names, when the reader sees it; null otherwise (the inbox then ignores it). */
    SavedView open(String id, StaffUser reader) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return savedViews.find(UUID.fromString(id.strip()), reader.member()).orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** How many tickets each built-in view holds for the reader ("12", or "1000+"), by its code. */
    Map<String, String> builtInCounts(StaffUser reader) {
        Map<String, String> counts = new LinkedHashMap<>();
        for (InboxQuery.View view : InboxQuery.View.values()) {
            counts.put(view.code(), count(InboxQuery.builtIn(view.code()), reader));
        }
        return counts;
    }

    /** The saved views the reader sees, in their order, each counted; {@code current}: the one open. */
    List<SavedTab> saved(StaffUser reader, SavedView current) {
        boolean admin = reader.role() == StaffRole.ADMIN;
        List<SavedView> shown = savedViews.shownTo(reader.member());
        Map<UUID, StaffMember> authors = staff.byIds(shown.stream().map(SavedView::ownerId)
                .filter(owner -> !owner.equals(reader.id())).collect(Collectors.toSet()));
        return shown.stream().map(view -> {
            boolean own = view.ownedBy(reader.id());
            StaffMember author = authors.get(view.ownerId());
            return new SavedTab(view, own || author == null ? null : author.displayName(), url(view.id(), 0),
                    count(InboxQuery.of(view, null), reader), current != null && current.id().equals(view.id()),
                    own, own || admin && view.shared());
        }).toList();
    }

    /** The tickets an inbox query holds for the reader, as the tab shows it ("12", or "1000+"): one count query. */
    String count(InboxQuery query, StaffUser reader) {
        List<UUID> playerIds = query.searchesAccounts()
                ? players.idsByAccount(reader.gameScope(), query.search()) : List.of();
        long count = queries.countUpTo(query.filter(reader, playerIds), cap);
        return count > cap ? cap + "+" : Long.toString(count);
    }

    /** A saved view's page: its filters are the view's, so the address names only the view and the page. */
    static String url(UUID view, int page) {
        return "/console/tickets?saved=" + view + (page > 0 ? "&page=" + page : "");
    }
}
