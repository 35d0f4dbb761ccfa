package org.playerdesk.review;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.review.internal.ReviewFigures;
import org.playerdesk.review.internal.ReviewStore;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.Size;

/**
 * The monthly reviews: a lead drafts an agent's month (its figures read then, and again on
 * refresh while a draft), marks it and writes a comment, and shares it; the agent acknowledges it
 * with a comment of their own, after which it stays as it is. A lead is the agent's team's lead, a
 * supervisor or an administrator ({@link Teams#leads}), never the agent themselves. An agent sees
 * their own reviews once shared; every review shown is written to the audit log ({@code review.view}).
 */
@Service
@Transactional
public class MonthlyReviews {

    public static final int COMMENT_MAX = 2000;

    /** The lead's marks as written on the form (whole numbers 1 to 5) and their comment. */
    public record Assessment(String attitude, String ability, String quality, String satisfaction,
            String teamwork, String comment) {

        List<String> marks() {
            return java.util.Arrays.asList(attitude, ability, quality, satisfaction, teamwork);
        }
    }

    /** The marks' fields, in the form's order. */
    public static final List<String> MARKS = List.of("attitude", "ability", "quality", "satisfaction", "teamwork");

    record CommentForm(@Size(max = COMMENT_MAX, message = "{invalid.tooLong}") @PlainText String comment) {
    }

    private final ReviewStore store;
    private final ReviewFigures figures;
    private final Teams teams;
    private final AuditLog audit;
    private final InputValidation validation;
    private final Clock clock;
    private final ZoneId zone;

    MonthlyReviews(ReviewStore store, ReviewFigures figures, Teams teams, AuditLog audit, InputValidation validation,
            Clock clock, @Value("${playerdesk.pay.zone:Asia/Shanghai}") ZoneId zone) {
        this.store = store;
        this.figures = figures;
        this.teams = teams;
        this.audit = audit;
        this.validation = validation;
        this.clock = clock;
        this.zone = zone;
    }

    /** Every review that counts for pay (shared or acknowledged) of the months {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public List<Review> counted(YearMonth from, YearMonth to) {
        return store.counted(from, to);
    }

    /** The current month in the installation's pay time zone. */
    public YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    /** A review as the reader may see it, written to the audit log; absent to anyone else. */
    public Review show(UUID id, StaffMember reader) {
        Review review = store.get(id).filter(r -> sees(reader, r)).orElseThrow(() -> new NotFoundException("review", id));
        audit.record(reader, null, "review.view", "staff", review.agentId().toString(), review.month().toString());
        return review;
    }

    /** The reader's own reviews they may see, newest first, written to the audit log. */
    public List<Review> mine(StaffMember reader) {
        audit.record(reader, null, "review.view", "staff", reader.id().toString(), "own reviews");
        return store.sharedWith(reader.id());
    }

    /**
     * The reviews of these agents over the months {@code from} to {@code to} (a team's board), as a
     * lead of each sees them; one audit entry for the board.
     */
    public List<Review> board(Collection<UUID> agents, YearMonth from, YearMonth to, String about, StaffMember reader) {
        // the teams the reader leads read once, not once per agent
        java.util.Set<UUID> members = reader.role().leads() ? null
                : teams.ledBy(reader.id()).stream().flatMap(t -> t.memberIds().stream())
                        .collect(java.util.stream.Collectors.toSet());
        List<UUID> led = agents.stream()
                .filter(a -> !a.equals(reader.id()) && (members == null || members.contains(a))).toList();
        audit.record(reader, null, "review.board", "team", about, from + ".." + to + ", " + led.size() + " agents");
        return store.of(led, from, to);
    }

    public boolean sees(StaffMember reader, Review review) {
        return review.agentId().equals(reader.id()) ? review.counts() : teams.leads(reader, review.agentId());
    }

    /** Whether the reader may review this agent: leads them, and is not them. */
    public boolean mayReview(StaffMember reader, UUID agentId) {
        return !reader.id().equals(agentId) && teams.leads(reader, agentId);
    }

    /**
     * Drafts the month's review of each of these agents that has none yet, with the figures as they
     * stand; the reviews of them all (new and existing).
     */
    public List<Review> draft(Collection<UUID> agentIds, YearMonth month, StaffMember by) {
        if (month.isAfter(thisMonth())) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("month", "invalid.review.future")));
        }
        for (UUID agent : agentIds) {
            if (!mayReview(by, agent)) {
                throw new AccessDeniedException("only the agent's leads review them");
            }
        }
        List<UUID> missing = agentIds.stream().filter(a -> store.of(a, month).isEmpty()).toList();
        Map<UUID, ReviewFigures.Month> read = figures.of(missing, month);
        List<Review> drafted = new ArrayList<>();
        for (UUID agent : agentIds) {
            if (missing.contains(agent)) {
                UUID id = Ids.next();
                store.insert(id, agent, month, read.get(agent), clock.instant());
                audit.record(by, null, "review.draft", "staff", agent.toString(), month.toString());
            }
            drafted.add(store.of(agent, month).orElseThrow());
        }
        return drafted;
    }

    /** Reads a draft's figures again. */
    public Review refresh(UUID id, StaffMember by) {
        Review review = editable(id, by);
        store.figures(id, figures.of(List.of(review.agentId()), review.month()).get(review.agentId()));
        Review fresh = store.get(id).orElseThrow();
        store.result(id, result(fresh, fresh.attitude(), fresh.ability(), fresh.quality()));
        return store.get(id).orElseThrow();
    }

    /** The lead marks a draft and comments; checked field by field (every mark a whole number 1 to 5). */
    public Review assess(UUID id, Assessment assessment, StaffMember by) {
        Review review = editable(id, by);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        int[] marks = new int[MARKS.size()];
        for (int i = 0; i < MARKS.size(); i++) {
            String raw = assessment.marks().get(i) == null ? "" : assessment.marks().get(i).strip();
            if (raw.isEmpty()) {
                errors.add(new InvalidInput.FieldError(MARKS.get(i), "invalid.required"));
                continue;
            }
            try {
                marks[i] = Integer.parseInt(raw);
                if (marks[i] < 1 || marks[i] > 5) {
                    errors.add(new InvalidInput.FieldError(MARKS.get(i), "invalid.range", 1, 5));
                }
            } catch (NumberFormatException e) {
                errors.add(new InvalidInput.FieldError(MARKS.get(i), "invalid.wholeNumber"));
            }
        }
        String comment = assessment.comment() == null || assessment.comment().isBlank() ? null
                : assessment.comment().strip();
        errors.addAll(validation.errors(new CommentForm(comment)));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        store.marks(id, marks, result(review, marks[0], marks[1], marks[2]), comment, by.id());
        audit.record(by, null, "review.assess", "staff", review.agentId().toString(), review.month().toString());
        return store.get(id).orElseThrow();
    }

    /** Shares a marked draft with the agent; from then on it counts for pay. */
    public Review share(UUID id, StaffMember by) {
        Review review = editable(id, by);
        if (review.result() == null) {
            throw new RuleViolation("review.share.unmarked", "a review is marked before it is shared");
        }
        store.share(id, clock.instant());
        audit.record(by, null, "review.share", "staff", review.agentId().toString(), review.month().toString());
        return store.get(id).orElseThrow();
    }

    /** The agent acknowledges their shared review, with a comment if they wish. */
    public Review acknowledge(UUID id, String comment, StaffMember agent) {
        Review review = store.get(id).filter(r -> r.agentId().equals(agent.id()) && r.counts())
                .orElseThrow(() -> new NotFoundException("review", id));
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        List<InvalidInput.FieldError> errors = validation.errors(new CommentForm(text));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.stream()
                    .map(e -> new InvalidInput.FieldError("agentComment", e.key(), e.arguments().toArray())).toList());
        }
        if (!store.acknowledge(id, text, clock.instant())) {
            throw new RuleViolation("review.acknowledged", "the review was acknowledged already");
        }
        audit.record(agent, null, "review.acknowledge", "staff", agent.id().toString(), review.month().toString());
        return store.get(id).orElseThrow();
    }

    private Review editable(UUID id, StaffMember by) {
        Review review = store.get(id).filter(r -> sees(by, r)).orElseThrow(() -> new NotFoundException("review", id));
        if (!mayReview(by, review.agentId())) {
            throw new AccessDeniedException("only the agent's leads review them");
        }
        if (review.state() != ReviewState.DRAFT) {
            throw new RuleViolation("review.shared", "a shared review is not changed");
        }
        return review;
    }

    private static Integer result(Review figures, Integer attitude, Integer ability, Integer quality) {
        return ReviewResult.of(figures.qaScore(), figures.csat(), figures.slaCompliance(),
                figures.firstContactResolution(), attitude, ability, quality);
    }
}
