package org.playerdesk.survey.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.survey.SurveyTotals;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.secrets.SecretColumn;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The surveys ({@code survey}). Every change that must happen once is a conditional update whose
 * answer says whether this caller made it: asking ({@code asked_at} still null), answering
 * ({@code answered_at} still null), mailing ({@code mailed_at} still null); so two nodes, two
 * channels or a replayed link never count twice.
 */
@Component
class SurveyStore {

    private static final String COLUMNS = "id, ticket_id, game_id, channel, resolved_by, resolved_at, due_at, asked_at, "
            + "expires_at, mailed_at, secret, score, comment, reasons, answered_via, answered_at, chat_id";
    private final RowMapper<SurveyRow> surveyRow = this::row;

    private final JdbcTemplate jdbc;
    private final Secrets secrets;

    SurveyStore(JdbcTemplate jdbc, Secrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** The key each survey's links are signed with is sealed at rest. */
    @Bean
    static SecretColumn surveySecret() {
        return new SecretColumn("survey", "id", "secret");
    }

    Optional<SurveyRow> byTicket(UUID ticketId) {
        return jdbc.query("select " + COLUMNS + " from survey where ticket_id = ?", surveyRow, ticketId).stream().findFirst();
    }

    Optional<SurveyRow> byId(UUID id) {
        return jdbc.query("select " + COLUMNS + " from survey where id = ?", surveyRow, id).stream().findFirst();
    }

    /**
     * Writes a new survey. The unique key on the ticket refuses a second one made at the same
     * moment elsewhere (the caller's {@code ConflictRetry} then finds the first).
     */
    SurveyRow create(UUID ticketId, UUID gameId, SurveyChannel channel, UUID resolvedBy, Instant resolvedAt,
            Instant dueAt, String secret, UUID chatId) {
        UUID id = Ids.next();
        jdbc.update("insert into survey (id, ticket_id, game_id, channel, resolved_by, resolved_at, due_at, secret, "
                + "chat_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", id, ticketId, gameId, channel.code(), resolvedBy,
                at(resolvedAt), at(dueAt), secrets.seal(secret), chatId);
        return byId(id).orElseThrow();
    }

    /**
     * The ticket was resolved again before the survey was answered: the answer will rate this
     * resolution; a survey not asked yet waits the game's delay from now.
     */
    void resolvedAgain(UUID id, UUID resolvedBy, Instant resolvedAt, Instant dueAt) {
        jdbc.update("update survey set resolved_by = ?, resolved_at = ?, due_at = case when asked_at is null then ? "
                + "else due_at end where id = ? and answered_at is null", resolvedBy, at(resolvedAt), at(dueAt), id);
    }

    /** Surveys due to be asked as of {@code now}, the oldest first. */
    List<SurveyRow> due(Instant now, int limit) {
        return jdbc.query("select " + COLUMNS + " from survey where asked_at is null and due_at <= ? "
                + "order by due_at, id fetch first " + limit + " rows only", surveyRow, at(now));
    }

    /** Asks the survey; false when another node asked it first. */
    boolean ask(UUID id, Instant now, Instant expiresAt) {
        return jdbc.update("update survey set asked_at = ?, expires_at = ? where id = ? and asked_at is null", at(now),
                at(expiresAt), id) == 1;
    }

    /** The ticket was reopened before its survey was asked: it waits for the next resolution. */
    void hold(UUID id) {
        jdbc.update("update survey set due_at = null where id = ? and asked_at is null", id);
    }

    /** Records the answer; false when the survey has one already (nothing is changed then). */
    boolean answer(UUID id, int score, String comment, List<ReasonCode> reasons, SurveyChannel via, Instant at) {
        return jdbc.update("update survey set score = ?, comment = ?, reasons = ?, answered_via = ?, answered_at = ? "
                + "where id = ? and answered_at is null", score, comment,
                String.join(",", reasons.stream().map(ReasonCode::code).toList()), via.code(), at(at), id) == 1;
    }

    /** Marks the survey's email sent; false when it was sent already. */
    boolean mailed(UUID id, Instant at) {
        return jdbc.update("update survey set mailed_at = ? where id = ? and mailed_at is null", at(at), id) == 1;
    }

    Map<UUID, Integer> scores(Collection<UUID> ticketIds) {
        Map<UUID, Integer> scores = new HashMap<>();
        List<UUID> ids = new ArrayList<>(ticketIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            jdbc.query("select ticket_id, score from survey where answered_at is not null and ticket_id in (" + marks + ")",
                    (ResultSet row) -> {
                        scores.put(row.getObject(1, UUID.class), row.getInt(2));
                    }, chunk.toArray());
        }
        return scores;
    }

    /**
     * Totals per agent ({@code by = "resolved_by"}) or per game ({@code by = "game_id"}) of the
     * games given, for surveys asked (and answers given) in {@code [from, to)}.
     */
    List<SurveyTotals> totals(String by, Collection<UUID> gameIds, Instant from, Instant to) {
        if (gameIds.isEmpty()) {
            return List.of();
        }
        if (!by.equals("resolved_by") && !by.equals("game_id")) {
            throw new IllegalArgumentException(by);
        }
        String marks = String.join(",", java.util.Collections.nCopies(gameIds.size(), "?"));
        List<Object> arguments = new ArrayList<>();
        for (int range = 0; range < 7; range++) {
            arguments.add(at(from));
            arguments.add(at(to));
        }
        arguments.addAll(gameIds);
        return jdbc.query("select " + by + ", "
                + "sum(case when asked_at >= ? and asked_at < ? then 1 else 0 end), "
                + "sum(case when answered_at >= ? and answered_at < ? then 1 else 0 end), "
                + "sum(case when answered_at >= ? and answered_at < ? and score >= 4 then 1 else 0 end), "
                + "sum(case when answered_at >= ? and answered_at < ? then score else 0 end), "
                + "sum(case when answered_at >= ? and answered_at < ? and score <= 2 then 1 else 0 end) "
                + "from survey where ((asked_at >= ? and asked_at < ?) or (answered_at >= ? and answered_at < ?)) "
                + "and game_id in ("
                + marks + ") group by " + by, (row, n) -> new SurveyTotals(row.getObject(1, UUID.class),
                        row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6)),
                arguments.toArray());
    }

    private SurveyRow row(ResultSet row, int n) throws SQLException {
        String via = row.getString(15);
        return new SurveyRow(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                Coded.fromCode(SurveyChannel.class, row.getString(4)), row.getObject(5, UUID.class), instant(row, 6),
                instant(row, 7), instant(row, 8), instant(row, 9), instant(row, 10), secrets.open(row.getString(11)),
                (Integer) row.getObject(12), row.getString(13), SurveySettingsStore.reasons(row.getString(14)),
                via == null ? null : Coded.fromCode(SurveyChannel.class, via), instant(row, 16),
                row.getObject(17, UUID.class));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
