package org.playerdesk.insight.export;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.insight.export.ExportJob.State;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The exports of raw tickets in {@code insight_ticket_export}. A node takes a job by one update
 * that succeeds only while the job is waiting or its holder's lease has run out, so two nodes
 * never write the same export at once; every later change names the holder, and a node that has
 * lost its lease learns it from the update changing nothing.
 */
@Component
class ExportJobs {

    private static final String COLUMNS = "id, owner_id, owner_name, locale, games, created_from, created_to, statuses, "
            + "ticket_type, channel, personal_data, state, rows_done, total_rows, file_key, file_size, created_at, "
            + "finished_at, error_key";

    private final JdbcTemplate jdbc;

    ExportJobs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(ExportJob job) {
        jdbc.update("insert into insight_ticket_export (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?, ?, ?)", job.id(), job.ownerId(), job.ownerName(), job.locale().toLanguageTag(),
                job.games().stream().map(UUID::toString).collect(Collectors.joining(",")), job.from(), job.to(),
                job.statuses().isEmpty() ? null
                        : job.statuses().stream().map(TicketStatus::code).sorted().collect(Collectors.joining(",")),
                job.type() == null ? null : job.type().code(), job.channel() == null ? null : job.channel().code(),
                job.personalData(), code(job.state()), job.rowsDone(), job.totalRows(), job.fileKey(), job.fileSize(),
                Timestamp.from(job.createdAt()), null, null);
    }

    Optional<ExportJob> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from insight_ticket_export where id = ?", ExportJobs::job, id)
                .stream().findFirst();
    }

    /** The owner's latest exports, newest first. */
    List<ExportJob> ofOwner(UUID ownerId, int limit) {
        return jdbc.query("select " + COLUMNS + " from insight_ticket_export where owner_id = ? "
                + "order by created_at desc, id fetch first " + limit + " rows only", ExportJobs::job, ownerId);
    }

    /** Takes the oldest job that waits, or whose holder's lease ran out, for {@code node} until {@code until}. */
    Optional<ExportJob> claimNext(String node, Instant now, Instant until) {
        List<UUID> open = jdbc.queryForList("select id from insight_ticket_export where state = 'queued' "
                + "or (state = 'running' and claimed_until < ?) order by created_at fetch first 10 rows only",
                UUID.class, Timestamp.from(now));
        for (UUID id : open) {
            int taken = jdbc.update("update insight_ticket_export set state = 'running', claimed_by = ?, "
                    + "claimed_until = ?, rows_done = 0 where id = ? "
                    + "and (state = 'queued' or (state = 'running' and claimed_until < ?))",
                    node, Timestamp.from(until), id, Timestamp.from(now));
            if (taken == 1) {
                return find(id);
            }
        }
        return Optional.empty();
    }

    /** The number of tickets to write, known once the job is taken; false when the lease was lost. */
    boolean counted(UUID id, String node, long total, Instant until) {
        return jdbc.update("update insight_ticket_export set total_rows = ?, claimed_until = ? "
                + "where id = ? and claimed_by = ? and state = 'running'", total, Timestamp.from(until), id, node) == 1;
    }

    /** The rows written so far, which also extends the lease; false when the lease was lost. */
    boolean progress(UUID id, String node, long rows, Instant until) {
        return jdbc.update("update insight_ticket_export set rows_done = ?, claimed_until = ? "
                + "where id = ? and claimed_by = ? and state = 'running'", rows, Timestamp.from(until), id, node) == 1;
    }

    boolean finish(UUID id, String node, long rows, String fileKey, long fileSize, Instant now) {
        return jdbc.update("update insight_ticket_export set state = 'done', rows_done = ?, total_rows = ?, "
                + "file_key = ?, file_size = ?, finished_at = ?, claimed_by = null, claimed_until = null "
                + "where id = ? and claimed_by = ? and state = 'running'",
                rows, rows, fileKey, fileSize, Timestamp.from(now), id, node) == 1;
    }

    boolean fail(UUID id, String node, String errorKey, Instant now) {
        return jdbc.update("update insight_ticket_export set state = 'failed', error_key = ?, finished_at = ?, "
                + "claimed_by = null, claimed_until = null where id = ? and claimed_by = ? and state = 'running'",
                errorKey, Timestamp.from(now), id, node) == 1;
    }

    /** Jobs finished before {@code before} (their files to remove first), at most {@code limit}. */
    List<ExportJob> finishedBefore(Instant before, int limit) {
        return jdbc.query("select " + COLUMNS + " from insight_ticket_export where finished_at < ? "
                + "order by finished_at fetch first " + limit + " rows only", ExportJobs::job, Timestamp.from(before));
    }

    boolean remove(UUID id) {
        return jdbc.update("delete from insight_ticket_export where id = ?", id) == 1;
    }

    private static String code(State state) {
        return state.name().toLowerCase(Locale.ROOT);
    }

    private static ExportJob job(ResultSet row, int i) throws SQLException {
        String games = row.getString(5);
        String statuses = row.getString(8);
        Set<TicketStatus> chosen = EnumSet.noneOf(TicketStatus.class);
        if (statuses != null && !statuses.isBlank()) {
            Arrays.stream(statuses.split(",")).map(code -> Coded.fromCode(TicketStatus.class, code)).forEach(chosen::add);
        }
        String type = row.getString(9);
        String channel = row.getString(10);
        Timestamp finished = row.getTimestamp(18);
        return new ExportJob(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                Locale.forLanguageTag(row.getString(4)),
                Arrays.stream(games.split(",")).map(UUID::fromString).toList(),
                row.getObject(6, java.time.LocalDate.class), row.getObject(7, java.time.LocalDate.class), chosen,
                type == null ? null : Coded.fromCode(TicketType.class, type),
                channel == null ? null : Coded.fromCode(TicketChannel.class, channel), row.getBoolean(11),
                State.valueOf(row.getString(12).toUpperCase(Locale.ROOT)), row.getLong(13),
                (Long) row.getObject(14, Long.class), row.getString(15), (Long) row.getObject(16, Long.class),
                row.getTimestamp(17).toInstant(), finished == null ? null : finished.toInstant(), row.getString(19));
    }
}
