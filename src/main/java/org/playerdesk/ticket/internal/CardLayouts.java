package org.playerdesk.ticket.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each member of staff arranges the cards beside a page (the ticket page's side column): the
 * order they chose and the cards they folded. Cards are named by a key (the built-in ones by a
 * word, a module's panel by its template); a card the person never moved keeps its default place
 * relative to the others, so a panel added later appears where its module puts it.
 */
@Component
public class CardLayouts {

    /** A card's key: letters, digits and {@code / _ -}, as template names are. */
    public static final Pattern KEY = Pattern.compile("[a-z0-9/_-]{1,80}");
    /** At most this many cards are remembered per page. */
    public static final int MAX_CARDS = 40;

    /** One person's arrangement of one page: the cards in their order, and which are folded. */
    public record Layout(List<String> cards, Set<String> folded) {

        public static final Layout NONE = new Layout(List.of(), Set.of());

        public boolean isFolded(String card) {
            return folded.contains(card);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CardLayouts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Layout of(UUID staffId, String page) {
        return jdbc.sql("select cards, folded from card_layout where staff_id = ? and page = ?")
                .param(staffId).param(page)
                .query((rs, n) -> new Layout(split(rs.getString(1)), new LinkedHashSet<>(split(rs.getString(2)))))
                .optional().orElse(Layout.NONE);
    }

    /**
     * Remembers the arrangement. Keys that are not card keys are left out, as are duplicates and
     * the ones past {@link #MAX_CARDS}: the page sends what it shows, and nothing else is stored.
     */
    @Transactional
    public Layout save(UUID staffId, String page, List<String> cards, Set<String> folded) {
        List<String> order = cards.stream().filter(CardLayouts::isKey).distinct().limit(MAX_CARDS).toList();
        Set<String> foldedKnown = new LinkedHashSet<>();
        folded.stream().filter(order::contains).forEach(foldedKnown::add);
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int updated = jdbc.sql("update card_layout set cards = ?, folded = ?, updated_at = ? where staff_id = ? and page = ?")
                .param(String.join(",", order)).param(String.join(",", foldedKnown)).param(now)
                .param(staffId).param(page).update();
        if (updated == 0) {
            jdbc.sql("insert into card_layout (staff_id, page, cards, folded, updated_at) values (?, ?, ?, ?, ?)")
                    .param(staffId).param(page).param(String.join(",", order)).param(String.join(",", foldedKnown))
                    .param(now).update();
        }
        return new Layout(order, foldedKnown);
    }

    /**
     * The cards in the person's order. {@code cards} come in their default order; one the layout
     * does not name goes right after the card that precedes it by default (or first), so that a
     * new panel shows up where its module puts it instead of at the end.
     */
    public static <T> List<T> arrange(List<T> cards, Function<T, String> key, Layout layout) {
        if (layout.cards().isEmpty()) {
            return cards;
        }
        List<T> arranged = new ArrayList<>(cards.stream().filter(card -> layout.cards().contains(key.apply(card)))
                .sorted(Comparator.comparingInt(card -> layout.cards().indexOf(key.apply(card)))).toList());
        for (int i = 0; i < cards.size(); i++) {
            T card = cards.get(i);
            if (!layout.cards().contains(key.apply(card))) {
                // cards before it by default are placed already: it goes right after the one before it
                arranged.add(i == 0 ? 0 : arranged.indexOf(cards.get(i - 1)) + 1, card);
            }
        }
        return arranged;
    }

    private static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    private static List<String> split(String value) {
        return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }
}
