package org.playerdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.errors.InvalidInput;

/** Shifts as a lead writes them, and whether an agent works at a given moment. */
class RosterTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Roster roster(String weekly, String exceptions) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Roster roster = new Roster(SHANGHAI, Roster.parseWeekly(weekly, "weeklyShifts", errors),
                Roster.parseExceptions(exceptions, "exceptions", errors));
        assertThat(errors).isEmpty();
        return roster;
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void threeShiftRotaCoversTheNightShiftPastMidnight() {
        // 2026-11-23 is a Monday
        Roster night = roster("mon-fri 22:00-06:00", "");
        assertThat(night.onShift(at("2026-11-23T23:30"))).isTrue();
        assertThat(night.onShift(at("2026-11-24T05:59"))).isTrue();
        assertThat(night.onShift(at("2026-11-24T06:00"))).isFalse();
        assertThat(night.onShift(at("2026-11-23T12:00"))).isFalse();
        // Friday night runs into Saturday morning; Sunday night is off
        assertThat(night.onShift(at("2026-11-28T03:00"))).isTrue();
        assertThat(night.onShift(at("2026-11-30T03:00"))).isFalse();
    }

    @Test
    void leaveWinsOverTheWeekAndAnExtraShiftAddsHours() {
        Roster early = roster("daily 08:00-16:00", "2026-11-24 leave; 2026-11-25 leave 08:00-12:00; 2026-11-29 extra 18:00-24:00");
        assertThat(early.onShift(at("2026-11-23T09:00"))).isTrue();
        assertThat(early.onShift(at("2026-11-24T09:00"))).isFalse();
        assertThat(early.onShift(at("2026-11-25T09:00"))).isFalse();
        assertThat(early.onShift(at("2026-11-25T13:00"))).isTrue();
        assertThat(early.onShift(at("2026-11-29T20:00"))).isTrue();
        assertThat(early.onShift(at("2026-11-28T20:00"))).isFalse();
    }

    @Test
    void noShiftsMeansAlwaysOnShiftExceptOnLeave() {
        Roster none = roster("", "2026-11-24 leave");
        assertThat(none.onShift(at("2026-11-23T03:00"))).isTrue();
        assertThat(none.onShift(at("2026-11-24T15:00"))).isFalse();
    }

    @Test
    void badEntriesAreNamedFieldByField() {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Roster.parseWeekly("someday 08:00-16:00; mon 25:00-26:00; tue 08:00-08:00", "weeklyShifts", errors);
        Roster.parseExceptions("2026-13-01 leave; 2026-11-24 extra; 2026-11-24 extra 18:00-10:00", "exceptions",
                errors);
        assertThat(errors).containsExactly(
                new InvalidInput.FieldError("weeklyShifts", "invalid.roster.week", "someday 08:00-16:00"),
                new InvalidInput.FieldError("weeklyShifts", "invalid.roster.week", "mon 25:00-26:00"),
                new InvalidInput.FieldError("weeklyShifts", "invalid.roster.week", "tue 08:00-08:00"),
                new InvalidInput.FieldError("exceptions", "invalid.roster.date", "2026-13-01 leave"),
                new InvalidInput.FieldError("exceptions", "invalid.roster.date", "2026-11-24 extra"),
                new InvalidInput.FieldError("exceptions", "invalid.roster.date", "2026-11-24 extra 18:00-10:00"));
    }

    @Test
    void writesTheWeekBackAsTheEditorShowsIt() {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        List<Roster.Weekly> week = Roster.parseWeekly("sat,sun 16:00-24:00\nmon 00:00-08:00", "w", errors);
        assertThat(Roster.formatWeekly(week)).isEqualTo("mon 00:00-08:00; sat 16:00-24:00; sun 16:00-24:00");
    }
}
