package org.playerdesk.insight.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.kpi.AgentKpis.AgentRow;
import org.playerdesk.insight.kpi.AgentKpis.Board;
import org.playerdesk.insight.kpi.AgentKpis.TeamRow;
import org.playerdesk.insight.kpi.ChannelScorecard.Card;
import org.playerdesk.insight.kpi.ChannelScorecard.ChannelRates;
import org.playerdesk.insight.kpi.ChannelScorecard.Score;
import org.playerdesk.insight.report.Column;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.insight.web.InsightNav;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The agents' key figures ({@code /console/insight/agents}) and the seed's channel scorecard
 * ({@code /console/insight/scorecard}). The days ({@code from}, {@code to}; this month unless
 * given) and the game ({@code game}, its code; all the reader serves unless given) are in the
 * address, as on the dashboard. A game the reader does not serve is refused (403), bad days are
 * explained (400), on the page, in the reader's language. An agent sees their own row only.
 */
@Controller
class KpiController {

    private final AgentKpis kpis;
    private final KpiTables tables;
    private final ChannelScorecard scorecard;
    private final GameCatalog games;
    private final Cells cells;
    private final ErrorTexts errors;
    private final MessageSource messages;
    private final Clock clock;

    KpiController(AgentKpis kpis, KpiTables tables, ChannelScorecard scorecard, GameCatalog games, Cells cells,
            ErrorTexts errors, MessageSource messages, Clock clock) {
        this.kpis = kpis;
        this.tables = tables;
        this.scorecard = scorecard;
        this.games = games;
        this.cells = cells;
        this.errors = errors;
        this.messages = messages;
        this.clock = clock;
    }

    /** A game of the game picker: its name, chosen by its code. */
    record GameChoice(String code, String name) {
    }

    /** One agent's row as the page shows it. */
    record AgentView(UUID staffId, String name, String team, List<String> cells) {
    }

    /** One team's row with its agents under it. */
    record TeamView(String name, int agents, List<String> cells, List<AgentView> members) {
    }

    @GetMapping("/console/insight/agents")
    String agents(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String game, @RequestParam(required = false) UUID agent,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, HttpServletResponse response) {
        model.addAttribute(InsightNav.MODEL, InsightNav.of(me, "agents"));
        ReportRequest request = request(from, to, game, me, locale, model, response);
        if (request == null) {
            return "insight/agents";
        }
        Board board = kpis.board(request);
        List<Column> columns = tables.kpiColumns(locale);
        List<AgentView> rows = board.agents().stream()
                // a lead may look at one agent; an agent's board holds themselves alone whatever they ask
                .filter(row -> agent == null || !board.lead() || row.staffId().equals(agent))
                .map(row -> view(row, columns, locale)).toList();
        List<TeamView> teams = new ArrayList<>();
        for (TeamRow team : board.teams()) {
            teams.add(new TeamView(text("insight.kpi.team." + team.team().code(), locale), team.agents().size(),
                    show(KpiTables.cells(team.kpi()), columns, locale),
                    team.agents().stream().map(row -> view(row, columns, locale)).toList()));
        }
        model.addAttribute("lead", board.lead());
        model.addAttribute("columns", columns.stream().map(Column::label).toList());
        model.addAttribute("rows", rows);
        model.addAttribute("teams", agent == null ? teams : List.of());
        return "insight/agents";
    }

    /** One measure of the seed as the page shows it. */
    record ScoreView(String measure, String limit, long contacts, long within, String rate, String mark) {
    }

    /** One channel's rates; {@code quiet} when it had no tickets, shown as dashes with a note. */
    record ChannelView(String channel, long created, List<String> rates, boolean quiet) {
    }

    /** One game's scorecard. */
    record CardView(String game, List<ScoreView> scores, List<ChannelView> channels) {
    }

    @GetMapping("/console/insight/scorecard")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String scorecard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, HttpServletResponse response) {
        model.addAttribute(InsightNav.MODEL, InsightNav.of(me, "scorecard"));
        model.addAttribute("target", cells.show(scorecard.target(), Column.Kind.PERCENT, locale));
        ReportRequest request = request(from, to, game, me, locale, model, response);
        if (request == null) {
            return "insight/scorecard";
        }
        List<CardView> cards = new ArrayList<>();
        for (GameProfile profile : request.games().stream().map(games::profile)
                .sorted(Comparator.comparing(GameProfile::name)).toList()) {
            Card card = scorecard.card(profile.id(), request.from(), request.to());
            List<ScoreView> scores = new ArrayList<>();
            for (Score score : card.scores()) {
                String code = score.measure().code();
                scores.add(new ScoreView(text("insight.scorecard.measure." + code, locale),
                        text("insight.scorecard.limit." + code, locale), score.contacts(), score.within(),
                        cells.show(score.rate(), Column.Kind.PERCENT, locale), KpiReports.mark(score)));
            }
            List<ChannelView> channels = new ArrayList<>();
            for (ChannelRates rates : card.channels()) {
                List<String> shown = new ArrayList<>();
                for (Double share : java.util.Arrays.asList(rates.withinMinute(), rates.withinFiveMinutes(),
                        rates.withinHalfHour(), rates.withinHour(), rates.sameDay(), rates.complaintsClosed())) {
                    shown.add(cells.show(share, Column.Kind.PERCENT, locale));
                }
                channels.add(new ChannelView(text("ticket.channel." + rates.channel().code(), locale), rates.created(), shown,
                        rates.created() == 0));
            }
            cards.add(new CardView(profile.name(), scores, channels));
        }
        model.addAttribute("cards", cards);
        return "insight/scorecard";
    }

    /**
     * The reader's request from the address, with what the pickers show put in the model; null
     * (with the refusal or the errors in the model and the status set) when it cannot be answered.
     */
    private ReportRequest request(String from, String to, String game, StaffUser me, Locale locale, Model model,
            HttpServletResponse response) {
        List<GameProfile> served = games.profiles().stream().filter(g -> me.serves(g.id()))
                .sorted(Comparator.comparing(GameProfile::name)).toList();
        model.addAttribute("games", served.stream().map(g -> new GameChoice(g.code(), g.name())).toList());
        model.addAttribute("chosenGame", game == null ? "" : game.strip());
        model.addAttribute("from", from == null ? "" : from.strip());
        model.addAttribute("to", to == null ? "" : to.strip());
        model.addAttribute("lead", AgentKpis.leads(me));
        List<GameProfile> chosen = served;
        if (game != null && !game.isBlank()) {
            chosen = served.stream().filter(g -> g.code().equals(game.strip())).toList();
            if (chosen.isEmpty()) {
                // an unknown game and another team's game read alike: the page does not say which exist
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                model.addAttribute("refusal", "insight.kpi.error.game");
                return null;
            }
        }
        Days days;
        try {
            days = Days.parse(from, to, LocalDate.now(clock.withZone(zone(chosen))));
        } catch (InvalidInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("periodErrors", errors.firstByField(invalid, locale));
            return null;
        }
        model.addAttribute("from", days.from().toString());
        model.addAttribute("to", days.to().toString());
        UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("from", days.from())
                .queryParam("to", days.to());
        if (game != null && !game.isBlank()) {
            query.queryParam("game", game.strip());
        }
        model.addAttribute("query", query.build().encode().getQuery());
        Set<UUID> ids = chosen.stream().map(GameProfile::id).collect(Collectors.toSet());
        return new ReportRequest(me, ids, days.from(), days.to());
    }

    /** The games' own time zone when they share one, which decides what "this month" is; UTC when they differ. */
    private static ZoneId zone(List<GameProfile> chosen) {
        List<String> zones = chosen.stream().map(GameProfile::timeZone).distinct().toList();
        if (zones.size() == 1 && zones.getFirst() != null) {
            try {
                return ZoneId.of(zones.getFirst());
            } catch (java.time.DateTimeException unknown) {
                return ZoneOffset.UTC;
            }
        }
        return ZoneOffset.UTC;
    }

    private AgentView view(AgentRow row, List<Column> columns, Locale locale) {
        return new AgentView(row.staffId(), row.name(), tables.team(row, locale),
                show(KpiTables.cells(row.kpi()), columns, locale));
    }

    private List<String> show(List<Object> values, List<Column> columns, Locale locale) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            shown.add(cells.show(values.get(i), columns.get(i).kind(), locale));
        }
        return shown;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
