package org.playerdesk.insight.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** When a digest is due and which days it covers, in the game's time zone. */
class DigestScheduleTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalTime EIGHT = LocalTime.of(8, 0);

    @Test
    void aDailyDigestIsDueAtEightInTheGamesZoneAndCoversTheDayBefore() {
        // Thursday 2026-12-03 09:00 in Shanghai is 01:00 UTC
        Instant now = Instant.parse("2026-12-03T01:00:00Z");
        Instant due = DigestSchedule.DAILY.nextAfter(now, SHANGHAI, EIGHT);
        assertThat(due).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
        assertThat(DigestSchedule.DAILY.nextAfter(Instant.parse("2026-12-02T23:59:00Z"), SHANGHAI, EIGHT))
                .as("a minute before eight").isEqualTo(Instant.parse("2026-12-03T00:00:00Z"));
        assertThat(DigestSchedule.DAILY.period(due, SHANGHAI))
                .containsExactly(LocalDate.parse("2026-12-03"), LocalDate.parse("2026-12-03"));
    }

    @Test
    void aWeeklyDigestIsDueOnMondaysAndCoversTheWeekBefore() {
        Instant due = DigestSchedule.WEEKLY.nextAfter(Instant.parse("2026-12-03T01:00:00Z"), SHANGHAI, EIGHT);
        assertThat(due).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
        assertThat(DigestSchedule.WEEKLY.nextAfter(due, SHANGHAI, EIGHT)).isEqualTo(Instant.parse("2026-12-14T00:00:00Z"));
        assertThat(DigestSchedule.WEEKLY.period(due, SHANGHAI))
                .containsExactly(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-12-06"));
        assertThat(DigestSchedule.OFF.nextAfter(due, SHANGHAI, EIGHT)).isNull();
    }
}
