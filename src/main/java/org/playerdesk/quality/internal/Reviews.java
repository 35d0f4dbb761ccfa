package org.playerdesk.quality.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.quality.QualityEvents.ReviewScored;
import org.playerdesk.quality.ReviewState;
import org.playerdesk.quality.Scorecard;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * QA reviews (质检): a reviewer (a lead or QA) scores an agent's conversation on the game's
 * scorecard; the agent acknowledges the review or disputes it with a comment; a lead resolves the
 * dispute, scoring it again. Several reviewers may score the same conversation (calibration: the
 * spread between them shows how alike they score). Each score, and each new one, is told to the
 * other modules ({@link ReviewScored}).
 */
@Service
@Transactional
class Reviews {

    static final int COMMENT_MAX = 2000;

    /** A review as the pages show it. */
    record Review(UUID id, UUID gameId, UUID ticketId, UUID agentId, UUID reviewerId, UUID scorecardId,
            UUID sampleId, Set<String> marks, int score, int max, boolean fatal, String comment, ReviewState state,
            String agentComment, String resolution, UUID resolvedBy, int revision, Instant createdAt,
            Instant answeredAt, Instant resolvedAt) {

        int percent() {
            return new Scorecard.Score(score, max, fatal).percent();
        }
    }

    /** A conversation several reviewers scored: their reviews and the spread of their scores (points out of 100). */
    record Calibration(UUID ticketId, UUID agentId, List<Review> reviews, int spread) {
    }

    /** A reviewer's comment: optional, plain text. */
    record Remark(@Size(max = COMMENT_MAX, message = "{invalid.tooLong}") @PlainText String comment) {
    }

    /** What an agent or a lead says of a review: required, plain text. */
    record Reason(@NotBlank(message = "{invalid.blank}") @Size(max = COMMENT_MAX, message = "{invalid.tooLong}")
            @PlainText String comment) {
    }

    private static final String COLUMNS = "id, game_id, ticket_id, agent_id, reviewer_id, scorecard_id, sample_id, marks, "
            + "score, max_score, fatal, comment, state, agent_comment, resolution, resolved_by, revision, created_at, "
            + "answered_at, resolved_at";

    private final JdbcTemplate jdbc;
    private final Scorecards scorecards;
    private final TicketQueries tickets;
    private final InputValidation validation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reviews(JdbcTemplate jdbc, Scorecards scorecards, TicketQueries tickets, InputValidation validation,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.scorecards = scorecards;
        this.tickets = tickets;
        this.validation = validation;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The reviewer scores the agent's part in the ticket with these marks (the codes of the
     * deductions and fatal errors they found), on the game's current scorecard; scoring it again
     * before the agent answered replaces the score.
     */
    Review score(UUID ticketId, UUID agentId, StaffMember reviewer, Collection<String> marks, String comment) {
        TicketView ticket = tickets.head(ticketId);
        mayReview(reviewer, ticket.gameId());
        if (reviewer.id().equals(agentId)) {
            throw new RuleViolation("quality.review.own", "nobody reviews their own conversations");
        }
        boolean theirs = tickets.details(ticketId, true).messages().stream()
                .anyMatch(m -> m.authorKind() == Actor.Kind.AGENT && agentId.equals(m.authorId()));
        if (!theirs) {
            throw new RuleViolation("quality.review.not-theirs", "the agent did not reply on this ticket");
        }
        String remark = tidy(validation.check(new Remark(tidy(comment))).comment());
        Optional<Review> before = find(ticketId, agentId, reviewer.id());
        Scorecards.Version version = before.flatMap(r -> scorecards.byId(r.scorecardId()))
                .orElseGet(() -> scorecards.current(ticket.gameId()));
        Set<String> marked = marks(version.scorecard(), marks);
        Scorecard.Score score = version.scorecard().score(marked);
        Instant now = clock.instant();
        UUID id;
        int revision;
        if (before.isPresent()) {
            if (before.get().state() != ReviewState.SCORED) {
                throw new RuleViolation("quality.review.answered", "the agent has answered this review");
            }
            id = before.get().id();
            revision = before.get().revision() + 1;
            jdbc.update("update qa_review set marks = ?, score = ?, max_score = ?, fatal = ?, comment = ?, revision = ? "
                    + "where id = ?", String.join("\n", marked), score.points(), score.max(), score.fatal(), remark,
                    revision, id);
        } else {
            id = Ids.next();
            revision = 1;
            UUID sample = jdbc.queryForList("select id from qa_sample where ticket_id = ? and agent_id = ?", UUID.class,
                    ticketId, agentId).stream().findFirst().orElse(null);
            jdbc.update("insert into qa_review (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, "
                    + "null, null, ?, ?, null, null)", id, ticket.gameId(), ticketId, agentId, reviewer.id(),
                    version.id(), sample, String.join("\n", marked), score.points(), score.max(), score.fatal(), remark,
                    ReviewState.SCORED.code(), revision, Timestamp.from(now));
        }
        Instant first = before.map(Review::createdAt).orElse(now);
        events.publishEvent(new ReviewScored(id, ticket.gameId(), agentId, revision, score.percent(), score.fatal(),
                first));
        return get(id);
    }

    /** The agent accepts the review. */
    Review acknowledge(UUID reviewId, StaffMember agent) {
        Review review = agentsOwn(reviewId, agent);
        jdbc.update("update qa_review set state = ?, answered_at = ? where id = ?", ReviewState.ACKNOWLEDGED.code(),
                Timestamp.from(clock.instant()), reviewId);
        return get(review.id());
    }

    /** The agent disputes the review, saying why. */
    Review dispute(UUID reviewId, StaffMember agent, String comment) {
        String why = validation.check(new Reason(tidy(comment))).comment();
        agentsOwn(reviewId, agent);
        jdbc.update("update qa_review set state = ?, agent_comment = ?, answered_at = ? where id = ?",
                ReviewState.DISPUTED.code(), why, Timestamp.from(clock.instant()), reviewId);
        return get(reviewId);
    }

    /**
     * A lead resolves a dispute: the marks they find right (the reviewer's, or changed) and why;
     * the review is scored again on its scorecard version.
     */
    Review resolve(UUID reviewId, StaffMember lead, Collection<String> marks, String resolution) {
        Review review = get(reviewId);
        mayReview(lead, review.gameId());
        if (!lead.role().leads()) {
            throw new AccessDeniedException("only a lead resolves a dispute");
        }
        if (lead.id().equals(review.agentId())) {
            throw new RuleViolation("quality.review.own", "nobody resolves a dispute of their own");
        }
        if (review.state() != ReviewState.DISPUTED) {
            throw new RuleViolation("quality.review.not-disputed", "the review is not disputed");
        }
        String why = validation.check(new Reason(tidy(resolution))).comment();
        Scorecard scorecard = scorecards.byId(review.scorecardId()).orElseThrow().scorecard();
        Set<String> marked = marks(scorecard, marks);
        Scorecard.Score score = scorecard.score(marked);
        Instant now = clock.instant();
        int revision = review.revision() + 1;
        jdbc.update("update qa_review set marks = ?, score = ?, max_score = ?, fatal = ?, state = ?, resolution = ?, "
                + "resolved_by = ?, resolved_at = ?, revision = ? where id = ?", String.join("\n", marked), score.points(),
                score.max(), score.fatal(), ReviewState.RESOLVED.code(), why, lead.id(), Timestamp.from(now), revision,
                reviewId);
        events.publishEvent(new ReviewScored(reviewId, review.gameId(), review.agentId(), revision, score.percent(),
                score.fatal(), review.createdAt()));
        return get(reviewId);
    }

    @Transactional(readOnly = true)
    Review get(UUID reviewId) {
        return jdbc.query("select " + COLUMNS + " from qa_review where id = ?", Reviews::review, reviewId).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("review", reviewId));
    }

    @Transactional(readOnly = true)
    Optional<Review> find(UUID ticketId, UUID agentId, UUID reviewerId) {
        return jdbc.query("select " + COLUMNS + " from qa_review where ticket_id = ? and agent_id = ? and reviewer_id = ?",
                Reviews::review, ticketId, agentId, reviewerId).stream().findFirst();
    }

    /** The reviews of a ticket, the first first. */
    @Transactional(readOnly = true)
    List<Review> ofTicket(UUID ticketId) {
        return jdbc.query("select " + COLUMNS + " from qa_review where ticket_id = ? order by created_at, id",
                Reviews::review, ticketId);
    }

    /** The reviews of these tickets. */
    @Transactional(readOnly = true)
    List<Review> ofTickets(Collection<UUID> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from qa_review where ticket_id in (" + marks(ticketIds.size())
                + ") order by created_at, id", Reviews::review, ticketIds.toArray());
    }

    /** An agent's reviews, the latest first. */
    @Transactional(readOnly = true)
    List<Review> ofAgent(UUID agentId, int limit) {
        return jdbc.query("select " + COLUMNS + " from qa_review where agent_id = ? order by created_at desc, id "
                + "fetch first " + limit + " rows only", Reviews::review, agentId);
    }

    /** The reviews of these games in a state, the earliest first. */
    @Transactional(readOnly = true)
    List<Review> inState(Collection<UUID> games, ReviewState state, int limit) {
        if (games.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from qa_review where state = ? and game_id in (" + marks(games.size())
                + ") order by created_at, id fetch first " + limit + " rows only", Reviews::review,
                args(state.code(), games));
    }

    /** The reviews of these games since {@code from}, the latest first. */
    @Transactional(readOnly = true)
    List<Review> since(Collection<UUID> games, Instant from, int limit) {
        if (games.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + COLUMNS + " from qa_review where created_at >= ? and game_id in ("
                + marks(games.size()) + ") order by created_at desc, id fetch first " + limit + " rows only",
                Reviews::review, args(Timestamp.from(from), games));
    }

    /** Conversations of these games that two reviewers or more scored, the most recent first, with their spread. */
    @Transactional(readOnly = true)
    List<Calibration> calibrations(Collection<UUID> games, int limit) {
        if (games.isEmpty()) {
            return List.of();
        }
        List<Object[]> pairs = jdbc.query("select ticket_id, agent_id from qa_review where game_id in ("
                + marks(games.size()) + ") group by ticket_id, agent_id having count(*) > 1 "
                + "order by max(created_at) desc fetch first " + limit + " rows only",
                (rs, row) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class) }, games.toArray());
        // the pairs' reviews, read once for all of them
        java.util.Map<UUID, List<Review>> byTicket = ofTickets(pairs.stream().map(pair -> (UUID) pair[0]).toList())
                .stream().collect(java.util.stream.Collectors.groupingBy(Review::ticketId));
        List<Calibration> calibrations = new ArrayList<>();
        for (Object[] pair : pairs) {
            List<Review> scored = byTicket.getOrDefault((UUID) pair[0], List.of()).stream()
                    .filter(r -> r.agentId().equals(pair[1])).toList();
            int high = scored.stream().mapToInt(Review::percent).max().orElse(0);
            int low = scored.stream().mapToInt(Review::percent).min().orElse(0);
            calibrations.add(new Calibration((UUID) pair[0], (UUID) pair[1], scored, high - low));
        }
        return calibrations;
    }

    /** Whether a member of staff may score conversations of this game. */
    static boolean reviews(StaffMember member, UUID gameId) {
        return member.can(Permission.REVIEW_QUALITY) && member.serves(gameId);
    }

    private static void mayReview(StaffMember member, UUID gameId) {
        if (!reviews(member, gameId)) {
            throw new AccessDeniedException("not a reviewer of this game");
        }
    }

    private Review agentsOwn(UUID reviewId, StaffMember agent) {
        Review review = get(reviewId);
        if (!review.agentId().equals(agent.id())) {
            throw new NotFoundException("review", reviewId);
        }
        if (review.state() != ReviewState.SCORED) {
            throw new RuleViolation("quality.review.answered", "the review has been answered");
        }
        return review;
    }

    /** The marks the scorecard knows; an unknown one is refused. */
    private static Set<String> marks(Scorecard scorecard, Collection<String> marks) {
        Set<String> known = scorecard.codes();
        Set<String> marked = new LinkedHashSet<>();
        for (String mark : marks == null ? List.<String>of() : marks) {
            if (!known.contains(mark)) {
                throw new InvalidInput(List.of(new InvalidInput.FieldError("marks", "invalid.unknownCode", mark,
                        String.join(", ", known))));
            }
            marked.add(mark);
        }
        return marked;
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static Object[] args(Object first, Collection<UUID> games) {
        List<Object> args = new ArrayList<>();
        args.add(first);
        args.addAll(games);
        return args.toArray();
    }

    private static Review review(ResultSet rs, int row) throws SQLException {
        String marks = rs.getString(8);
        return new Review(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                rs.getObject(7, UUID.class),
                marks == null || marks.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(marks.split("\n"))),
                rs.getInt(9), rs.getInt(10), rs.getBoolean(11), rs.getString(12),
                Coded.fromCode(ReviewState.class, rs.getString(13)), rs.getString(14), rs.getString(15),
                rs.getObject(16, UUID.class), rs.getInt(17), instant(rs.getTimestamp(18)), instant(rs.getTimestamp(19)),
                instant(rs.getTimestamp(20)));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
