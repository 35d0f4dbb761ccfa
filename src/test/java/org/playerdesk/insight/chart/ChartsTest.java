package org.playerdesk.insight.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.insight.report.Column;
import org.springframework.context.support.ResourceBundleMessageSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart's JSON holds its words already in the reader's language and its figures, never its
 * table; its table holds the same figures; the labels every chart shares come from the bundles.
 */
class ChartsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final Charts charts = new Charts(messages(), JSON);

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void aLineChartsJsonHoldsItsWordsAndFiguresAndThePreviousPeriodDashed() {
        Chart chart = Chart.line("volume-trend", "每日工单量", "日期", "工单数", List.of("12月1日", "12月2日"),
                List.of(Series.of("新工单", List.of(3, 5)), Series.previous("新工单（上一周期）", Arrays.asList(4, null))));

        JsonNode json = JSON.readTree(charts.json(chart));

        assertThat(json.get("kind").asString()).isEqualTo("line");
        assertThat(json.get("name").asString()).isEqualTo("volume-trend");
        assertThat(json.get("title").asString()).isEqualTo("每日工单量");
        assertThat(json.get("xAxis").asString()).isEqualTo("日期");
        assertThat(json.get("categories").toString()).isEqualTo("[\"12月1日\",\"12月2日\"]");
        assertThat(json.get("series").get(0).get("values").toString()).isEqualTo("[3,5]");
        assertThat(json.get("series").get(0).get("previous").asBoolean()).isFalse();
        assertThat(json.get("series").get(1).get("previous").asBoolean()).isTrue();
        assertThat(json.get("series").get(1).get("values").toString()).as("a day without figure").isEqualTo("[4,null]");
        assertThat(json.has("table")).as("the table is the page's, not the script's").isFalse();
        assertThat(json.has("rows")).isFalse();
        assertThat(json.has("target")).isFalse();

        assertThat(chart.table().columns()).extracting(Column::label).containsExactly("日期", "新工单", "新工单（上一周期）");
        assertThat(chart.table().rows()).containsExactly(List.of("12月1日", 3, 4), Arrays.asList("12月2日", 5, null));
    }

    @Test
    void barsLieDownWhenALabelIsLong() {
        Chart short_ = Chart.bar("by-type", "按类型", "类型", "工单数", List.of("充值", "外挂"),
                List.of(Series.of("工单数", List.of(1, 2))));
        Chart long_ = Chart.bar("by-queue", "By queue", "Queue", "Tickets", List.of("Payments and refunds", "Bans"),
                List.of(Series.of("Tickets", List.of(1, 2))));
        assertThat(short_.horizontal()).isFalse();
        assertThat(long_.horizontal()).isTrue();
        assertThat(JSON.readTree(charts.json(long_)).get("horizontal").asBoolean()).isTrue();
    }

    @Test
    void aHeatMapHasAWeekdayRowAndAnHourColumnInTheReadersLanguage() {
        long[][] volume = new long[7][24];
        volume[0][9] = 12;
        volume[6][23] = 4;
        Chart chinese = Chart.heatmap("by-hour", "按小时", "小时", "星期", "工单数", charts.hours(Locale.SIMPLIFIED_CHINESE),
                charts.weekdays(Locale.SIMPLIFIED_CHINESE), volume);
        JsonNode json = JSON.readTree(charts.json(chinese));
        assertThat(json.get("kind").asString()).isEqualTo("heatmap");
        assertThat(json.get("rows").get(0).asString()).isEqualTo("周一");
        assertThat(json.get("rows").get(6).asString()).isEqualTo("周日");
        assertThat(json.get("categories").get(9).asString()).isEqualTo("9时");
        assertThat(json.get("series").get(0).get("values").get(9).asLong()).isEqualTo(12);
        assertThat(json.get("series").get(0).get("values").get(6 * 24 + 23).asLong()).isEqualTo(4);
        assertThat(chinese.table().rows().get(0).get(0)).isEqualTo("周一");
        assertThat(chinese.table().rows().get(0).get(10)).isEqualTo(12L);
        assertThat(chinese.table().columns()).hasSize(25);

        assertThat(charts.weekdays(Locale.ENGLISH)).containsExactly("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
        assertThat(charts.hours(Locale.ENGLISH)).hasSize(24).startsWith("0:00").endsWith("23:00");
        assertThatThrownBy(() -> Chart.heatmap("bad", "t", "x", "y", "v", List.of("a"), List.of("b"), new long[2][1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGaugeMarksItsTarget() {
        Chart gauge = Chart.gauge("sla-first-response", "首次响应达标率", "达标率", 0.85, "目标", 0.9);
        JsonNode json = JSON.readTree(charts.json(gauge));
        assertThat(json.get("kind").asString()).isEqualTo("gauge");
        assertThat(json.get("target").asDouble()).isEqualTo(0.9);
        assertThat(json.get("series").get(0).get("values").get(0).asDouble()).isEqualTo(0.85);
        TableView table = charts.table(gauge.table(), Locale.SIMPLIFIED_CHINESE);
        assertThat(table.rows()).containsExactly(List.of("达标率", "85%"), List.of("目标", "90%"));
    }

    @Test
    void daysAndFiguresAreWrittenTheReadersWay() {
        LocalDate day = LocalDate.of(2026, 12, 3);
        assertThat(charts.day(day, Locale.ENGLISH)).isEqualTo("Dec 3");
        assertThat(charts.day(day, Locale.SIMPLIFIED_CHINESE)).isEqualTo("12月3日");
        assertThat(charts.weekday(DayOfWeek.THURSDAY, Locale.SIMPLIFIED_CHINESE)).isEqualTo("周四");
        assertThat(charts.cell(Column.Kind.DATE, day, Locale.ENGLISH)).isEqualTo("2026-12-03 Thu");
        assertThat(charts.cell(Column.Kind.COUNT, 12345L, Locale.ENGLISH)).isEqualTo("12,345");
        assertThat(charts.cell(Column.Kind.PERCENT, 0.875, Locale.ENGLISH)).isEqualTo("87.5%");
        assertThat(charts.cell(Column.Kind.DURATION, 3900, Locale.ENGLISH)).isEqualTo("1 h 5 min");
        assertThat(charts.cell(Column.Kind.DURATION, 600, Locale.SIMPLIFIED_CHINESE)).isEqualTo("10 分钟");
        assertThat(charts.cell(Column.Kind.COUNT, null, Locale.ENGLISH)).isEqualTo("—");
    }

    @Test
    void refusesAChartWhoseSeriesDoNotFitItsCategories() {
        assertThatThrownBy(() -> Chart.line("x", "t", "d", "n", List.of("a", "b"), List.of(Series.of("s", List.of(1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Chart.line("Not A Name", "t", "d", "n", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
