package org.playerdesk.insight.figures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void aLengthUpToTwoHoursReadsAsItsWholeMinuteRoundedUp() {
        assertThat(Histogram.bucket(0)).isZero();
        assertThat(Histogram.bucket(1)).isEqualTo(1);
        assertThat(Histogram.bucket(60)).isEqualTo(1);
        assertThat(Histogram.bucket(61)).isEqualTo(2);
        assertThat(Histogram.bucket(7_200)).isEqualTo(120);
        assertThat(Histogram.upper(Histogram.bucket(61))).isEqualTo(120);
    }

    @Test
    void aLongerLengthIsReadWithinFivePercent() {
        for (long seconds : new long[] {7_201, 10_000, 86_400, 30 * 86_400L}) {
            long upper = Histogram.upper(Histogram.bucket(seconds));
            assertThat(upper).isGreaterThanOrEqualTo(seconds);
            assertThat((double) upper / seconds).isLessThanOrEqualTo(1.05);
        }
    }

    @Test
    void percentilesAreByNearestRank() {
        Histogram histogram = new Histogram();
        assertThat(histogram.percentile(0.5)).isNull();
        // ten lengths: 1 to 10 minutes
        for (int minute = 1; minute <= 10; minute++) {
            histogram.addSeconds(minute * 60L);
        }
        assertThat(histogram.count()).isEqualTo(10);
        assertThat(histogram.percentile(0.5)).isEqualTo(5 * 60L);
        assertThat(histogram.percentile(0.9)).isEqualTo(9 * 60L);
        assertThat(histogram.percentile(0.91)).isEqualTo(10 * 60L);
        assertThat(histogram.percentile(0.01)).isEqualTo(60L);
    }

    @Test
    void histogramsAddUpInAnyOrderOfBuckets() {
        Histogram late = new Histogram();
        late.add(Histogram.bucket(3 * 86_400L), 3);
        late.add(2, 1);
        Histogram early = new Histogram();
        early.add(1, 4);
        Histogram both = new Histogram();
        both.addAll(late);
        both.addAll(early);
        assertThat(both.count()).isEqualTo(8);
        assertThat(both.percentile(0.5)).isEqualTo(60L);
        assertThat(both.percentile(0.625)).isEqualTo(120L);
        assertThat(both.percentile(1.0)).isEqualTo(Histogram.upper(Histogram.bucket(3 * 86_400L)));
        // the parts are unchanged
        assertThat(late.count()).isEqualTo(4);
        assertThat(early.count()).isEqualTo(4);
    }

    @Test
    void countsWrittenAsTextAddUpAsTheHistogramDid() {
        Histogram month = new Histogram();
        assertThat(month.counts()).isEmpty();
        month.add(0, 2);
        month.add(Histogram.bucket(3 * 86_400L), 1_000_000_000_000L);
        month.add(7, 5);
        assertThat(month.counts()).isEqualTo("0:2 7:5 " + Histogram.bucket(3 * 86_400L) + ":1000000000000");

        // a month's counts less a day's: what the days left add up to
        Histogram read = new Histogram();
        read.add(7, -3);
        read.addCounts(month.counts());
        read.addCounts("");
        assertThat(read.count()).isEqualTo(1_000_000_000_004L);
        assertThat(read.counts()).isEqualTo("0:2 7:2 " + Histogram.bucket(3 * 86_400L) + ":1000000000000");
        assertThat(read.percentile(0.0)).isZero();
    }
}
