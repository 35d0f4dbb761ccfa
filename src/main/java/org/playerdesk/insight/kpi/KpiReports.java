package org.playerdesk.insight.kpi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.kpi.ChannelScorecard.Card;
import org.playerdesk.insight.kpi.ChannelScorecard.Score;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reports of this package, for the exports and the scheduled emails: agents, teams, scorecard. */
@Configuration(proxyBeanMethods = false)
class KpiReports {

    /** Each agent the reader may see (an agent: only themselves) with their figures. */
    @Bean
    ReportSource agentsReport(AgentKpis kpis, KpiTables tables) {
        return report("agents", "insight.kpi.agents.title", (request, locale) -> tables.agents(kpis.board(request),
                locale));
    }

    /** Each team (an agent's tier) of the reader's games with its agents' figures added up; none for an agent. */
    @Bean
    ReportSource teamsReport(AgentKpis kpis, KpiTables tables) {
        return report("teams", "insight.kpi.teams.title", (request, locale) -> tables.teams(kpis.board(request),
                locale));
    }

    /** The seed's channel scorecard, one row per game and measure. */
    @Bean
    ReportSource scorecardReport(ChannelScorecard scorecard, GameCatalog games, MessageSource messages) {
        return report("scorecard", "insight.scorecard.title", (request, locale) -> {
            List<Column> columns = List.of(Column.text(text(messages, "insight.scorecard.column.game", locale)),
                    Column.text(text(messages, "insight.scorecard.column.measure", locale)),
                    Column.count(text(messages, "insight.scorecard.column.contacts", locale)),
                    Column.count(text(messages, "insight.scorecard.column.within", locale)),
                    new Column(text(messages, "insight.scorecard.column.rate", locale), Column.Kind.PERCENT),
                    new Column(text(messages, "insight.scorecard.column.target", locale), Column.Kind.PERCENT),
                    Column.text(text(messages, "insight.scorecard.column.met", locale)));
            List<List<Object>> rows = new ArrayList<>();
            List<GameProfile> served = request.games().stream().filter(request.reader()::serves).map(games::profile)
                    .sorted(Comparator.comparing(GameProfile::name)).toList();
            for (GameProfile game : served) {
                Card card = scorecard.card(game.id(), request.from(), request.to());
                for (Score score : card.scores()) {
                    rows.add(new ArrayList<>(java.util.Arrays.asList(game.name(),
                            text(messages, "insight.scorecard.measure." + score.measure().code(), locale),
                            score.contacts(), score.within(), score.rate(), scorecard.target(),
                            text(messages, "insight.scorecard." + mark(score), locale))));
                }
            }
            return new Table(text(messages, "insight.scorecard.title", locale), columns, rows);
        });
    }

    /** met, unmet, or none (no contacts to measure). */
    static String mark(Score score) {
        return score.met() == null ? "none" : score.met() ? "met" : "unmet";
    }

    private interface Tabulation {
        Table table(ReportRequest request, Locale locale);
    }

    private static ReportSource report(String name, String titleKey, Tabulation tabulation) {
        return new ReportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String titleKey() {
                return titleKey;
            }

            @Override
            public Table table(ReportRequest request, Locale locale) {
                return tabulation.table(request, locale);
            }
        };
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
