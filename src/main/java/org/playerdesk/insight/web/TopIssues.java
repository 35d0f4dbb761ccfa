package org.playerdesk.insight.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.playerdesk.assist.GameArea;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.insight.chart.Charts;
import org.playerdesk.insight.chart.TableView;
import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Comparison;
import org.playerdesk.insight.figures.Figures.Top;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketType;
import org.springframework.stereotype.Component;

/**
 * What players wrote about most in the period, and what rose most against the period of the
 * same length before: ticket types, tags, game areas (each type's {@link GameArea}) and the words
 * of subjects and opening messages, each with the previous period's count. Tags and words are
 * shown as the players wrote them. For leads only. Report {@code top-issues}: every list in one
 * table.
 */
@Component
class TopIssues implements InsightSection, ReportSource {

    /** How many of each are listed. */
    static final int TOP = 10;
    static final int RISING = 5;
    /** Every type there is, to add them up by area. */
    private static final int ALL_TYPES = 100;

    /** The lists: by type, tag, area and word. */
    enum Kind {
        TYPE, TAG, AREA, WORD;

        String labelKey() {
            return "insight.top." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** One kind's lists: the most frequent and the risers, worded. */
    record Lists(Kind kind, List<Top> top, List<Top> rising, Map<String, String> names) {
    }

    /** One kind as the page shows it. */
    record Group(String name, String title, TableView top, TableView rising) {
    }

    private final Figures figures;
    private final FigureWords words;
    private final Charts charts;
    private final GameCatalog games;
    private final Clock clock;

    TopIssues(Figures figures, FigureWords words, Charts charts, GameCatalog games, Clock clock) {
        this.figures = figures;
        this.words = words;
        this.charts = charts;
        this.games = games;
        this.clock = clock;
    }

    @Override
    public Region region() {
        return Region.TOP_ISSUES;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String template() {
        return "insight/sections/top-issues";
    }

    @Override
    public String name() {
        return "top-issues";
    }

    @Override
    public String titleKey() {
        return "insight.top.title";
    }

    @Override
    public Optional<Object> data(InsightScope scope, Locale locale) {
        if (!scope.lead()) {
            return Optional.empty();
        }
        List<Group> groups = new ArrayList<>();
        for (Lists lists : lists(Asked.of(scope), locale)) {
            String title = words.text(lists.kind().labelKey(), locale);
            groups.add(new Group(lists.kind().name().toLowerCase(Locale.ROOT), title,
                    charts.table(list(lists, lists.top(), "insight.top.most", title, locale), locale),
                    charts.table(list(lists, lists.rising(), "insight.top.rising", title, locale), locale)));
        }
        return Optional.of(groups);
    }

    @Override
    public Table table(ReportRequest request, Locale locale) {
        Asked asked = Asked.of(request, games, clock);
        List<Column> columns = List.of(Column.text(words.text("insight.top.column.kind", locale)),
                Column.text(words.text("insight.top.column.list", locale)),
                Column.text(words.text("insight.top.column.value", locale)),
                Column.count(words.text("insight.top.column.count", locale)),
                Column.count(words.text("insight.top.column.previous", locale)),
                Column.count(words.text("insight.top.column.change", locale)));
        List<List<Object>> rows = new ArrayList<>();
        if (asked.lead()) {
            for (Lists lists : lists(asked, locale)) {
                String kind = words.text(lists.kind().labelKey(), locale);
                for (Top top : lists.top()) {
                    rows.add(List.of(kind, words.text("insight.top.list.most", locale), lists.names().get(top.value()),
                            top.count(), top.previous(), top.rise()));
                }
                for (Top top : lists.rising()) {
                    rows.add(List.of(kind, words.text("insight.top.list.rising", locale), lists.names().get(top.value()),
                            top.count(), top.previous(), top.rise()));
                }
            }
        }
        return new Table(words.text(titleKey(), locale), columns, rows);
    }

    List<Lists> lists(Asked asked, Locale locale) {
        Period period = asked.period();
        List<Lists> lists = new ArrayList<>();
        // each dimension read once, this period and the one before, for its most frequent and most risen
        Comparison typeCounts = figures.compare(asked.games(), period.from(), period.to(), Dimension.TYPE);
        List<Top> types = typeCounts.top(ALL_TYPES);
        List<Top> typesRising = typeCounts.risers(RISING);
        lists.add(new Lists(Kind.TYPE, types.stream().limit(TOP).toList(), typesRising,
                words.words(Dimension.TYPE, types.stream().map(Top::value).toList(), locale)));
        Comparison tagCounts = figures.compare(asked.games(), period.from(), period.to(), Dimension.TAG);
        List<Top> tags = tagCounts.top(TOP);
        List<Top> tagsRising = tagCounts.risers(RISING);
        lists.add(new Lists(Kind.TAG, tags, tagsRising, asWritten(tags, tagsRising, locale)));
        // the same days before as the comparison's: as many days just before the period
        lists.add(areas(types, typeCounts.previous().top(ALL_TYPES), locale));
        Comparison wordCounts = figures.compare(asked.games(), period.from(), period.to(), Dimension.WORD);
        List<Top> wordsNow = wordCounts.top(TOP);
        List<Top> wordsRising = wordCounts.risers(RISING);
        lists.add(new Lists(Kind.WORD, wordsNow, wordsRising, asWritten(wordsNow, wordsRising, locale)));
        return lists;
    }

    /**
     * The types added up by game area: {@code types} this period's, {@code typesBefore} those of
     * the days before, so an area whose types came in only before still has its previous count.
     */
    private Lists areas(List<Top> types, List<Top> typesBefore, Locale locale) {
        Map<GameArea, long[]> byArea = new HashMap<>();
        for (Top type : types) {
            byArea.computeIfAbsent(area(type.value()), a -> new long[2])[0] += type.count();
        }
        for (Top type : typesBefore) {
            byArea.computeIfAbsent(area(type.value()), a -> new long[2])[1] += type.count();
        }
        List<Top> areas = byArea.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new Top(e.getKey().code(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(Top::count).reversed().thenComparing(Top::value)).limit(TOP).toList();
        List<Top> rising = areas.stream().filter(a -> a.rise() > 0)
                .sorted(Comparator.comparingLong(Top::rise).reversed().thenComparing(Top::value)).limit(RISING).toList();
        Map<String, String> names = new HashMap<>();
        areas.forEach(a -> names.put(a.value(), words.text("assist.area." + a.value(), locale)));
        return new Lists(Kind.AREA, areas, rising, names);
    }

    private static GameArea area(String type) {
        try {
            return GameArea.of(Coded.fromCode(TicketType.class, type));
        } catch (IllegalArgumentException unknownType) {
            return GameArea.OTHER;
        }
    }

    /** Tags and words as the players wrote them; an empty one as unknown. */
    private Map<String, String> asWritten(List<Top> top, List<Top> rising, Locale locale) {
        Map<String, String> names = new HashMap<>();
        for (List<Top> list : List.of(top, rising)) {
            list.forEach(t -> names.put(t.value(),
                    t.value().isBlank() ? words.text("insight.value.unknown", locale) : t.value()));
        }
        return names;
    }

    private Table list(Lists lists, List<Top> tops, String listKey, String kind, Locale locale) {
        List<Column> columns = List.of(Column.text(kind), Column.count(words.text("insight.top.column.count", locale)),
                Column.count(words.text("insight.top.column.previous", locale)),
                Column.count(words.text("insight.top.column.change", locale)));
        List<List<Object>> rows = tops.stream().<List<Object>>map(top -> List.of(lists.names().get(top.value()),
                top.count(), top.previous(), top.rise())).toList();
        return new Table(words.text(listKey, locale, kind), columns, rows);
    }
}
