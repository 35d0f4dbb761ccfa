package org.playerdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A policy and a calendar refused field by field, each field once, in the order the editor shows
 * them, every error a message key with its arguments.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class PolicyChecksTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    SlaPolicies policies;

    @Test
    void aBadPolicyIsRefusedFieldByFieldInTheEditorsOrder() {
        GameInfo game = workspace.game();
        PolicyForm bad = new PolicyForm(" ", "fax", "any", "asap", "platinum", "abc", null, "0", "150",
                UUID.randomUUID().toString(), Set.of(), Set.of("call_the_police"));

        assertThatThrownBy(() -> policies.addPolicy(game.id(), bad)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field, InvalidInput.FieldError::key)
                        .containsExactly(tuple("name", "invalid.blank"), tuple("channel", "invalid.unknownCode"),
                                tuple("priority", "invalid.unknownCode"), tuple("minTier", "invalid.unknownCode"),
                                tuple("firstResponseMinutes", "invalid.wholeNumber"),
                                tuple("resolutionMinutes", "invalid.range.between"),
                                tuple("warningPercent", "invalid.range.between"),
                                tuple("calendarId", "invalid.calendar"),
                                tuple("breachActions", "invalid.unknownCode")));
        assertThatThrownBy(() -> policies.addPolicy(game.id(), bad)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).filteredOn(error -> error.field().equals("resolutionMinutes"))
                        .containsExactly(new InvalidInput.FieldError("resolutionMinutes", "invalid.range.between",
                                60L * 24 * 31, 1L)));
    }

    @Test
    void aPolicyWithoutATargetIsAskedForOneUnlessSomethingBeforeItIsWrong() {
        GameInfo game = workspace.game();
        String calendar = policies.calendars(game.id()).getFirst().id().toString();

        assertThatThrownBy(() -> policies.addPolicy(game.id(), new PolicyForm("无目标", null, null, null, null, null,
                null, null, "0", calendar, Set.of(), Set.of()))).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field,
                                InvalidInput.FieldError::key).containsExactly(
                                        tuple("firstResponseMinutes", "invalid.sla.target"),
                                        tuple("warningPercent", "invalid.range.between")));
        assertThatThrownBy(() -> policies.addPolicy(game.id(), new PolicyForm("", null, null, null, null, null, null,
                null, null, calendar, Set.of(), Set.of()))).isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(InvalidInput.FieldError::field)
                                .containsExactly("name"));
    }

    @Test
    void aBadCalendarIsRefusedFieldByFieldAndItsHoursOnlyWhenAllElseIsRight() {
        GameInfo game = workspace.game();

        assertThatThrownBy(() -> policies.addCalendar(game.id(), new CalendarForm("x".repeat(61), "Mars/Olympus",
                false, Map.of(DayOfWeek.MONDAY, "9 to 6", DayOfWeek.TUESDAY, "18:00-09:00"), "2026-13-01", null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsExactly(
                        new InvalidInput.FieldError("name", "invalid.tooLong", 60, 0),
                        new InvalidInput.FieldError("timeZone", "invalid.timeZone"),
                        new InvalidInput.FieldError("hours.mon", "invalid.sla.ranges"),
                        new InvalidInput.FieldError("hours.tue", "invalid.sla.range", "18:00-09:00"),
                        new InvalidInput.FieldError("holidays", "invalid.sla.dates", "2026-13-01")));
        assertThatThrownBy(() -> policies.addCalendar(game.id(), new CalendarForm("周末", "Asia/Shanghai", false,
                Map.of(), null, null))).isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors())
                        .containsExactly(new InvalidInput.FieldError("hours", "invalid.sla.week")));
    }
}
