package org.playerdesk.review.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.insight.AgentFigures;
import org.playerdesk.quality.QualityReviews;
import org.playerdesk.survey.SurveyTotals;
import org.playerdesk.survey.Surveys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The month's figures of every agent, each read once for all agents: tickets, first-contact
 * resolution, service levels and first response from insight (each game's local days of the
 * month); QA scores from quality and CSAT from surveys, over the month in the installation's pay
 * time zone ({@code playerdesk.pay.zone}). Every game counts: a review is of the agent, not of a game.
 */
@Component
public class ReviewFigures {

    /** One agent's figures of a month. */
    public record Month(AgentFigures.Period tickets, Double qaScore, int qaReviews, Double csat, int csatAnswers) {
    }

    private final AgentFigures insight;
    private final QualityReviews quality;
    private final Surveys surveys;
    private final GameCatalog games;
    private final ZoneId zone;

    ReviewFigures(AgentFigures insight, QualityReviews quality, Surveys surveys, GameCatalog games,
            @Value("${playerdesk.pay.zone:Asia/Shanghai}") ZoneId zone) {
        this.insight = insight;
        this.quality = quality;
        this.surveys = surveys;
        this.games = games;
        this.zone = zone;
    }

    public Map<UUID, Month> of(Collection<UUID> agents, YearMonth month) {
        List<UUID> gameIds = games.all().stream().map(GameInfo::id).toList();
        LocalDate first = month.atDay(1);
        var from = first.atStartOfDay(zone).toInstant();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        Map<UUID, AgentFigures.Period> tickets = gameIds.isEmpty() ? Map.of()
                : insight.of(gameIds, first, month.atEndOfMonth());
        Map<UUID, QualityReviews.AgentScores> scores = new HashMap<>();
        quality.scoresByAgent(from, to).forEach(s -> scores.put(s.agentId(), s));
        Map<UUID, SurveyTotals> answers = new HashMap<>();
        if (!gameIds.isEmpty()) {
            surveys.totalsByAgent(gameIds, from, to).stream().filter(t -> t.key() != null)
                    .forEach(t -> answers.put(t.key(), t));
        }
        Map<UUID, Month> months = new HashMap<>();
        for (UUID agent : agents) {
            QualityReviews.AgentScores qa = scores.get(agent);
            SurveyTotals csat = answers.get(agent);
            months.put(agent, new Month(tickets.getOrDefault(agent, AgentFigures.Period.NONE),
                    qa == null ? null : qa.meanPercent(), qa == null ? 0 : qa.reviews(),
                    csat == null ? null : csat.csat(), csat == null ? 0 : (int) csat.answered()));
        }
        return months;
    }
}
