package org.playerdesk.workforce.internal.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The roster's cells as written for the board: names and words escaped, days off and marks shown. */
class RosterCellsTest {

    static final Map<String, String> WORDS = Map.of("off", "休", "leave", "事假", "sick", "病假", "extra", "加班",
            "swap", "换班", "swap-waiting", "待批换班");
    static final Map<String, String> CLASSES = Map.of("leave", "text-bg-warning", "sick", "text-bg-danger", "extra",
            "text-bg-info", "swap", "text-bg-secondary", "swap-waiting", "text-bg-light border");
    static final LocalDate DAY = LocalDate.of(2031, 3, 3);

    @Test
    void aShiftNameIsEscapedInTheTextAndTheAttribute() {
        RosterBoard.Cell cell = new RosterBoard.Cell(DAY, List.of("<b>早\"班</b>"), false, true, false, false, false,
                false, false);

        String html = RosterCells.html(List.of(cell), WORDS, CLASSES);

        assertThat(html).isEqualTo("<td data-testid=\"roster-cell\" data-date=\"2031-03-03\" "
                + "data-shifts=\"&lt;b&gt;早&quot;班&lt;/b&gt;\">&lt;b&gt;早&quot;班&lt;/b&gt;</td>")
                .doesNotContain("<b>");
    }

    @Test
    void aRosteredDayOffReadsAsOffAndMarksAreBadges() {
        RosterBoard.Cell off = new RosterBoard.Cell(DAY, List.of(), true, true, false, false, false, false, false);
        RosterBoard.Cell leave = new RosterBoard.Cell(DAY.plusDays(1), List.of(), true, true, true, false, false,
                false, false);

        String html = RosterCells.html(List.of(off, leave), WORDS, CLASSES);

        assertThat(html).startsWith("<td data-testid=\"roster-cell\" class=\"text-muted\" data-date=\"2031-03-03\" "
                + "data-shifts=\"\">休</td>")
                .contains("data-date=\"2031-03-04\"")
                .contains("<span class=\"badge text-bg-warning\" data-mark=\"leave\">事假</span></td>");
    }
}
