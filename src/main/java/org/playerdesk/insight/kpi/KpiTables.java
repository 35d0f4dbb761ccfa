package org.playerdesk.insight.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.playerdesk.insight.kpi.AgentKpis.AgentRow;
import org.playerdesk.insight.kpi.AgentKpis.Board;
import org.playerdesk.insight.kpi.AgentKpis.TeamRow;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The agents' and the teams' figures as report tables, worded in the reader's language. */
@Component
class KpiTables {

    private final MessageSource messages;

    KpiTables(MessageSource messages) {
        this.messages = messages;
    }

    Table agents(Board board, Locale locale) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(text("insight.kpi.column.agent", locale)));
        columns.add(Column.text(text("insight.kpi.column.team", locale)));
        columns.addAll(kpiColumns(locale));
        List<List<Object>> rows = new ArrayList<>();
        for (AgentRow agent : board.agents()) {
            List<Object> row = new ArrayList<>();
            row.add(agent.name());
            row.add(team(agent, locale));
            row.addAll(cells(agent.kpi()));
            rows.add(row);
        }
        return new Table(text("insight.kpi.agents.title", locale), columns, rows);
    }

    Table teams(Board board, Locale locale) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.text(text("insight.kpi.column.team", locale)));
        columns.add(Column.count(text("insight.kpi.column.agents", locale)));
        columns.addAll(kpiColumns(locale));
        List<List<Object>> rows = new ArrayList<>();
        for (TeamRow team : board.teams()) {
            List<Object> row = new ArrayList<>();
            row.add(text("insight.kpi.team." + team.team().code(), locale));
            row.add((long) team.agents().size());
            row.addAll(cells(team.kpi()));
            rows.add(row);
        }
        return new Table(text("insight.kpi.teams.title", locale), columns, rows);
    }

    String team(AgentRow agent, Locale locale) {
        return text("insight.kpi.team." + agent.team().code(), locale);
    }

    /** The figures' columns, in the order of {@link #cells(Kpi)}. */
    List<Column> kpiColumns(Locale locale) {
        return List.of(count("handled", locale), count("replied", locale), count("resolved", locale),
                column("fcr", Column.Kind.PERCENT, locale), column("firstResponse", Column.Kind.DURATION, locale),
                column("resolution", Column.Kind.DURATION, locale), column("reopenRate", Column.Kind.PERCENT, locale),
                column("sla", Column.Kind.PERCENT, locale), column("csat", Column.Kind.DECIMAL, locale),
                count("chats", locale), column("chatWait", Column.Kind.DURATION, locale), count("transfers", locale),
                count("escalations", locale), column("flagged", Column.Kind.PERCENT, locale),
                column("qaScore", Column.Kind.DECIMAL, locale), count("qaReviews", locale));
    }

    static List<Object> cells(Kpi kpi) {
        List<Object> cells = new ArrayList<>();
        cells.add(kpi.handled());
        cells.add(kpi.replied());
        cells.add(kpi.resolved());
        cells.add(kpi.firstContactResolution());
        cells.add(kpi.firstResponse());
        cells.add(kpi.resolution());
        cells.add(kpi.reopenRate());
        cells.add(kpi.slaCompliance());
        cells.add(kpi.csat());
        cells.add(kpi.chatsAnswered());
        cells.add(kpi.chatWait() == null ? null : Math.round(kpi.chatWait()));
        cells.add(kpi.transfers());
        cells.add(kpi.escalations());
        cells.add(kpi.flaggedShare());
        cells.add(kpi.qaScore());
        cells.add(kpi.qaReviews());
        return cells;
    }

    private Column count(String name, Locale locale) {
        return column(name, Column.Kind.COUNT, locale);
    }

    private Column column(String name, Column.Kind kind, Locale locale) {
        return new Column(text("insight.kpi.column." + name, locale), kind);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
