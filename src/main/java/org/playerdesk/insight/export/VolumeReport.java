package org.playerdesk.insight.export;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.DailyVolume;
import org.playerdesk.insight.DailyVolume.DayCount;
import org.playerdesk.insight.DailyVolume.Metric;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Daily volume ({@code volume}): per game and day, the new tickets, the players' and agents'
 * public replies and the resolutions, from the daily counts ({@link DailyVolume}, UTC days). Every
 * day of the period has its row, a quiet day too, so that a column sums to the period's total.
 */
@Component
class VolumeReport implements ReportSource {

    private final DailyVolume volume;
    private final GameCatalog games;
    private final MessageSource messages;

    VolumeReport(DailyVolume volume, GameCatalog games, MessageSource messages) {
        this.volume = volume;
        this.games = games;
        this.messages = messages;
    }

    @Override
    public String name() {
        return "volume";
    }

    @Override
    public String titleKey() {
        return "insight.report.volume.title";
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        Map<java.util.UUID, Map<LocalDate, Map<Metric, Long>>> counts = new HashMap<>();
        for (DayCount count : volume.days(request.games(), request.from(), request.to())) {
            counts.computeIfAbsent(count.gameId(), g -> new HashMap<>())
                    .computeIfAbsent(count.day(), d -> new EnumMap<>(Metric.class)).put(count.metric(), count.total());
        }
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(word("insight.report.volume.game", locale)));
        columns.add(new Column(word("insight.report.volume.day", locale), Column.Kind.DATE));
        for (Metric metric : Metric.values()) {
            columns.add(Column.count(word("insight.report.volume." + metric.name().toLowerCase(Locale.ROOT), locale)));
        }
        List<List<Object>> rows = new ArrayList<>();
        List<GameInfo> chosen = games.all(request.games());
        for (LocalDate day = request.from(); !day.isAfter(request.to()); day = day.plusDays(1)) {
            for (GameInfo game : chosen) {
                Map<Metric, Long> ofDay = counts.getOrDefault(game.id(), Map.of()).getOrDefault(day, Map.of());
                List<Object> row = new ArrayList<>();
                row.add(game.name());
                row.add(day);
                for (Metric metric : Metric.values()) {
                    row.add(ofDay.getOrDefault(metric, 0L));
                }
                rows.add(row);
            }
        }
        return new Table(word(titleKey(), locale), columns, rows);
    }

    private String word(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
