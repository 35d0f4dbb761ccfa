package org.playerdesk.quality.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.quality.SampleReason;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.survey.Surveys;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.ticket.Conversation;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily draw of conversations for review (seed 004: 每天随机抽检, 尤其对投诉类问题): for
 * each agent who replied to players that day, the game's number of their conversations, those
 * with a complaint, a hostile player or a low satisfaction score first, the rest by chance. A
 * ticket is drawn once ever. Each draw keeps its seed: drawn again from the same conversations,
 * it picks the same ones ({@link #replay}).
 */
@Component
class Sampler {

    static final int DEFAULT_PER_AGENT = 3;
    /** A satisfaction score (1 to 5) this low or lower draws the conversation first. */
    static final int LOW_SCORE = 2;
    static final int PER_AGENT_MAX = 50;

    /** A draw: its game, day, seed and what it picked. */
    record Draw(UUID id, UUID gameId, LocalDate day, long seed, int perAgent, Instant drawnAt, UUID drawnBy,
            List<Pick> picks) {
    }

    /** A conversation drawn: whose, which ticket, why. */
    record Pick(UUID agentId, UUID ticketId, SampleReason reason) {
    }

    private final JdbcTemplate jdbc;
    private final TicketQueries tickets;
    private final GameCatalog games;
    private final Surveys surveys;
    private final Clock clock;
    private final SecureRandom seeds = new SecureRandom();

    Sampler(JdbcTemplate jdbc, TicketQueries tickets, GameCatalog games, Surveys surveys, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.games = games;
        this.surveys = surveys;
        this.clock = clock;
    }

    int perAgent(UUID gameId) {
        List<Integer> found = jdbc.queryForList("select per_agent from qa_settings where game_id = ?", Integer.class,
                gameId);
        return found.isEmpty() ? DEFAULT_PER_AGENT : found.getFirst();
    }

    @Transactional
    void setPerAgent(UUID gameId, int perAgent) {
        Timestamp now = Timestamp.from(clock.instant());
        if (jdbc.update("update qa_settings set per_agent = ?, updated_at = ? where game_id = ?", perAgent, now,
                gameId) == 0) {
            jdbc.update("insert into qa_settings (per_agent, updated_at, game_id) values (?, ?, ?)", perAgent, now, gameId);
        }
    }

    /** The day before today in the game's time zone: the last whole day to draw from. */
    LocalDate yesterday(UUID gameId) {
        return LocalDate.ofInstant(clock.instant(), zone(gameId)).minusDays(1);
    }

    /**
     * Draws the game's conversations of a day, once: a day drawn already keeps its draw (also when
     * several nodes draw it at once). {@code by} is who asked, null for the daily draw.
     */
    @Transactional
    Draw draw(UUID gameId, LocalDate day, UUID by) {
        Optional<Draw> drawn = find(gameId, day);
        if (drawn.isPresent()) {
            return drawn.get();
        }
        UUID id = Ids.next();
        long seed = seeds.nextLong();
        int perAgent = perAgent(gameId);
        Instant now = clock.instant();
        if (jdbc.update("insert into qa_draw (id, game_id, draw_day, seed, per_agent, drawn_at, drawn_by) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", id, gameId, Date.valueOf(day), seed, perAgent,
                Timestamp.from(now), by) == 0) {
            return find(gameId, day).orElseThrow();
        }
        List<Pick> picks = pick(gameId, day, seed, perAgent, drawnBefore(gameId, id));
        List<Object[]> rows = new ArrayList<>();
        for (int at = 0; at < picks.size(); at++) {
            Pick pick = picks.get(at);
            rows.add(new Object[] { Ids.next(), id, gameId, Date.valueOf(day), pick.agentId(), pick.ticketId(),
                    pick.reason().code(), at });
        }
        jdbc.batchUpdate("insert into qa_sample (id, draw_id, game_id, draw_day, agent_id, ticket_id, reason, position) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        return new Draw(id, gameId, day, seed, perAgent, now, by, picks);
    }

    /** What the draw would pick were it drawn again now from the same seed (it should be what it picked). */
    @Transactional(readOnly = true)
    List<Pick> replay(Draw draw) {
        return pick(draw.gameId(), draw.day(), draw.seed(), draw.perAgent(), drawnBefore(draw.gameId(), draw.id()));
    }

    @Transactional(readOnly = true)
    Optional<Draw> find(UUID gameId, LocalDate day) {
        List<Draw> found = jdbc.query("select id, seed, per_agent, drawn_at, drawn_by from qa_draw "
                + "where game_id = ? and draw_day = ?", (rs, row) -> new Draw(rs.getObject(1, UUID.class), gameId, day,
                        rs.getLong(2), rs.getInt(3), rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class),
                        List.of()), gameId, Date.valueOf(day));
        return found.stream().findFirst().map(draw -> new Draw(draw.id(), gameId, day, draw.seed(), draw.perAgent(),
                draw.drawnAt(), draw.drawnBy(), jdbc.query("select agent_id, ticket_id, reason from qa_sample "
                        + "where draw_id = ? order by position", (rs, row) -> new Pick(rs.getObject(1, UUID.class),
                                rs.getObject(2, UUID.class), Coded.fromCode(SampleReason.class, rs.getString(3))),
                        draw.id())));
    }

    /** The tickets other draws of the game picked: never drawn again. */
    private Set<UUID> drawnBefore(UUID gameId, UUID drawId) {
        return new HashSet<>(jdbc.queryForList("select ticket_id from qa_sample where game_id = ? and draw_id <> ?",
                UUID.class, gameId, drawId));
    }

    /**
     * The picks of a day from a seed: for each agent in turn (by id), their conversations that day
     * not drawn before, in ticket order, shuffled by a random from the seed and the agent within
     * "first" (complaint, hostile, low score) and "the rest", first ones first.
     */
    private List<Pick> pick(UUID gameId, LocalDate day, long seed, int perAgent, Set<UUID> drawnBefore) {
        ZoneId zone = zone(gameId);
        List<Conversation> all = tickets.conversations(gameId, day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant());
        Map<UUID, Integer> scores = scores(all.stream().map(Conversation::ticketId).distinct().toList());
        Map<UUID, List<Conversation>> byAgent = new TreeMap<>();
        all.stream().sorted(Comparator.comparing(Conversation::agentId).thenComparing(Conversation::ticketId))
                .forEach(c -> byAgent.computeIfAbsent(c.agentId(), a -> new ArrayList<>()).add(c));
        Set<UUID> taken = new HashSet<>(drawnBefore);
        List<Pick> picks = new ArrayList<>();
        byAgent.forEach((agent, conversations) -> {
            Random random = new Random(seed ^ agent.getMostSignificantBits() ^ agent.getLeastSignificantBits());
            Map<Boolean, List<Pick>> groups = new LinkedHashMap<>();
            groups.put(true, new ArrayList<>());
            groups.put(false, new ArrayList<>());
            for (Conversation conversation : conversations) {
                SampleReason reason = reason(conversation, scores.get(conversation.ticketId()));
                groups.get(reason.first()).add(new Pick(agent, conversation.ticketId(), reason));
            }
            int chosen = 0;
            for (List<Pick> group : groups.values()) {
                java.util.Collections.shuffle(group, random);
                for (Pick pick : group) {
                    if (chosen < perAgent && taken.add(pick.ticketId())) {
                        picks.add(pick);
                        chosen++;
                    }
                }
            }
        });
        return picks;
    }

    private static SampleReason reason(Conversation conversation, Integer score) {
        if (conversation.type() == TicketType.COMPLAINT) {
            return SampleReason.COMPLAINT;
        }
        if (conversation.hostile()) {
            return SampleReason.HOSTILE;
        }
        if (score != null && score <= LOW_SCORE) {
            return SampleReason.LOW_SATISFACTION;
        }
        return SampleReason.RANDOM;
    }

    /** The players' satisfaction scores of these tickets, where they answered the survey. */
    private Map<UUID, Integer> scores(Collection<UUID> ticketIds) {
        return surveys.scoresOf(ticketIds);
    }

    private ZoneId zone(UUID gameId) {
        return games.profile(gameId).zone();
    }
}
