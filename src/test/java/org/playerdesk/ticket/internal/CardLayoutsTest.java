package org.playerdesk.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.playerdesk.ticket.internal.CardLayouts.Layout;

/** The reader's order of the cards beside a page, and where a card they never placed goes. */
class CardLayoutsTest {

    static final List<String> DEFAULT = List.of("player", "account", "actions", "sla", "history");

    @Test
    void withoutALayoutTheCardsKeepTheirDefaultOrder() {
        assertThat(CardLayouts.arrange(DEFAULT, Function.identity(), Layout.NONE)).isEqualTo(DEFAULT);
    }

    @Test
    void theChosenOrderIsKept() {
        Layout chosen = new Layout(List.of("history", "actions", "player", "account", "sla"), Set.of("history"));

        assertThat(CardLayouts.arrange(DEFAULT, Function.identity(), chosen))
                .containsExactly("history", "actions", "player", "account", "sla");
        assertThat(chosen.isFolded("history")).isTrue();
        assertThat(chosen.isFolded("sla")).isFalse();
    }

    @Test
    void aCardTheReaderNeverPlacedGoesRightAfterTheCardBeforeItByDefault() {
        // "sla" came with a module added after the reader arranged the page; "player" was placed last
        Layout chosen = new Layout(List.of("actions", "account", "history", "player"), Set.of());

        assertThat(CardLayouts.arrange(DEFAULT, Function.identity(), chosen))
                .containsExactly("actions", "sla", "account", "history", "player");
    }

    @Test
    void aFirstCardTheReaderNeverPlacedStaysFirst() {
        Layout chosen = new Layout(List.of("history", "sla", "actions", "account"), Set.of());

        assertThat(CardLayouts.arrange(DEFAULT, Function.identity(), chosen))
                .containsExactly("player", "history", "sla", "actions", "account");
    }

    @Test
    void cardsThatAreNotShownAreLeftOut() {
        Layout chosen = new Layout(List.of("metadata", "history", "player"), Set.of("metadata"));

        assertThat(CardLayouts.arrange(List.of("player", "history"), Function.identity(), chosen))
                .containsExactly("history", "player");
    }
}
