package org.playerdesk.knowledge.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.ticket.TicketOnPage;
import org.playerdesk.ticket.TicketPanel;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketView;
import org.springframework.stereotype.Component;

/**
 * The reply kit under the reply box of a ticket: canned replies with this ticket's variables
 * filled in, those in the player's language first (inserted with a click or Alt+R then Enter), the macros, and the forbidden phrases the
 * reply box checks before sending ({@code /js/reply-kit.js}). Shown to staff who work tickets.
 */
@Component
class ReplyKitPanel implements TicketPanel {

    record Insertable(String stage, String title, String text, String locale) {
    }

    /** A macro as its button shows it: its name, and what it does besides the reply (codes, named by the page). */
    record MacroButton(UUID id, String name, String status, String type, String priority, List<String> tags) {
    }

    record Phrase(String text, boolean bare) {
    }

    record Data(UUID ticketId, boolean active, List<Insertable> replies, List<MacroButton> macros,
            List<Phrase> forbidden) {
    }

    /** Keys of a ticket's metadata that name the player's language (as the game client sends it), first found wins. */
    static final List<String> LANGUAGE_KEYS = List.of("language", "lang", "locale");

    private final ReplyKit kit;
    private final TicketQueries tickets;
    private final GameCatalog games;

    ReplyKitPanel(ReplyKit kit, TicketQueries tickets, GameCatalog games) {
        this.kit = kit;
        this.tickets = tickets;
        this.games = games;
    }

    @Override
    public Place place() {
        return Place.REPLY;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String template() {
        return "knowledge/reply-kit";
    }

    @Override
    public String title() {
        return "kb.kit.title";
    }

    @Override
    public Optional<Object> data(TicketView ticket, StaffUser viewer) {
        if (!viewer.can(Permission.WORK_TICKETS)) {
            return Optional.empty();
        }
        return Optional.of(data(ticket, kit.variables(ticket, viewer.displayName()), tickets.metadata(ticket.id()),
                games.get(ticket.gameId()).defaultLocale()));
    }

    /** The ticket's metadata and game as the page has read them. */
    @Override
    public Optional<Object> data(TicketOnPage page, StaffUser viewer) {
        if (!viewer.can(Permission.WORK_TICKETS)) {
            return Optional.empty();
        }
        return Optional.of(data(page.ticket(),
                ReplyKit.variables(page.ticket(), page.player(), page.game().name(), viewer.displayName()),
                page.metadata(), page.game().defaultLocale()));
    }

    private Data data(TicketView ticket, ReplyVariables variables, Map<String, String> metadata, String gameLanguage) {
        String language = languageOf(metadata, gameLanguage);
        List<Insertable> replies = kit.replies(ticket.gameId()).stream()
                .sorted(Comparator.comparing(r -> !language.equals(primary(r.locale()))))
                .map(r -> new Insertable(r.stage().code(), r.title(), variables.fill(r.body()), r.locale())).toList();
        List<MacroButton> macros = kit.macros(ticket.gameId()).stream()
                .map(m -> new MacroButton(m.getId(), m.name(), m.status(), m.type(), m.priority(), m.tags())).toList();
        List<Phrase> forbidden = kit.forbidden(ticket.gameId()).stream()
                .map(p -> new Phrase(p.phrase(), p.bare())).toList();
        return new Data(ticket.id(), ticket.status() != TicketStatus.CLOSED, replies, macros, forbidden);
    }

    /**
     * The player's language, as its primary subtag: the ticket's {@code language}, {@code lang} or
     * {@code locale} metadata, else the game's default language.
     */
    static String languageOf(Map<String, String> metadata, String gameDefault) {
        for (String key : LANGUAGE_KEYS) {
            String value = metadata.get(key);
            if (value != null && !value.isBlank()) {
                return primary(value);
            }
        }
        return primary(gameDefault);
    }

    static String primary(String tag) {
        if (tag == null) {
            return "";
        }
        String normal = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
        int dash = normal.indexOf('-');
        return dash < 0 ? normal : normal.substring(0, dash);
    }
}
