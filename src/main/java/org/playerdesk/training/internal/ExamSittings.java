package org.playerdesk.training.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sitting exams: an attempt draws its questions (a recorded seed, so the draw can be repeated),
 * runs against the application clock, and is submitted once. A submission after the deadline
 * (and the grace for the answers' way to the server) is not scored: the attempt fails as late.
 * Closed questions are scored at once; short answers wait for a lead, whose scores are audited
 * like every result.
 */
@Service
@Transactional
class ExamSittings {

    static final int ANSWER_MAX = 4000;

    private final SecureRandom seeds = new SecureRandom();
    private final TrainingStore store;
    private final TrainingCatalog catalog;
    private final TrainingSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    ExamSittings(TrainingStore store, TrainingCatalog catalog, TrainingSettings settings, AuditLog audit,
            Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts an attempt, or gives back the one still running (one sitting at a time). */
    Attempt start(UUID examId, StaffMember member) {
        return start(examId, member, seeds.nextLong());
    }

    Attempt start(UUID examId, StaffMember member, long seed) {
        Exam exam = catalog.exam(examId, member);
        Instant now = clock.instant();
        Optional<Attempt> running = store.attemptsOf(member.id()).stream()
                .filter(a -> a.examId().equals(examId) && a.open() && !overdue(a, now)).findFirst();
        if (running.isPresent()) {
            return running.get();
        }
        List<UUID> drawn = List.of();
        if (!exam.typing()) {
            List<UUID> bank = store.questions(examId).stream().map(Question::id).toList();
            if (bank.isEmpty()) {
                throw new RuleViolation("training.exam.empty", "the exam has no questions yet");
            }
            drawn = ExamDraw.draw(bank, exam.drawCount(), seed);
        }
        Attempt attempt = new Attempt(Ids.next(), examId, member.id(), seed, drawn, now,
                now.plus(Duration.ofMinutes(exam.timeLimitMinutes())), null, false, Attempt.Status.STARTED, null,
                null, null, null, null, null);
        store.insertAttempt(attempt);
        return attempt;
    }

    /** An attempt: the member's own, or any for a lead; absent (404) otherwise. */
    @Transactional(readOnly = true)
    Attempt attempt(UUID id, StaffMember viewer) {
        Attempt attempt = store.attempt(id).orElseThrow(() -> new NotFoundException("attempt", id));
        if (!attempt.staffId().equals(viewer.id()) && !viewer.role().leads()) {
            throw new NotFoundException("attempt", id);
        }
        return attempt;
    }

    @Transactional(readOnly = true)
    List<Question> questions(Attempt attempt) {
        return store.questions(attempt.questionIds());
    }

    @Transactional(readOnly = true)
    Map<UUID, TrainingStore.Answer> answers(Attempt attempt) {
        return store.answers(attempt.id());
    }

    /** Whether the attempt's time is up at {@code now}, grace included. */
    boolean overdue(Attempt attempt, Instant now) {
        return now.isAfter(attempt.deadline().plusSeconds(settings.graceSeconds()));
    }

    /**
     * Submits the member's own attempt: the answers by question id (option numbers comma-separated,
     * true or false, or text), or for the typing test the text typed. Refused when already
     * submitted; after the deadline the attempt closes as failed and late, its answers unscored.
     */
    Attempt submit(UUID attemptId, Map<UUID, String> answers, String typed, StaffMember member) {
        Attempt attempt = store.lockAttempt(attemptId).orElseThrow(() -> new NotFoundException("attempt", attemptId));
        if (!attempt.staffId().equals(member.id())) {
            throw new NotFoundException("attempt", attemptId);
        }
        if (!attempt.open()) {
            throw new RuleViolation("training.attempt.submitted", "this attempt was submitted already");
        }
        Exam exam = store.exam(attempt.examId()).orElseThrow();
        Instant now = clock.instant();
        if (overdue(attempt, now)) {
            store.close(attemptId, now, true, Attempt.Status.FAILED, 0, null, null);
            audit.record(member, null, "training.exam.late", "training_attempt", attemptId.toString(), exam.title());
            return store.attempt(attemptId).orElseThrow();
        }
        if (exam.typing()) {
            if (typed != null && typed.length() > ANSWER_MAX) {
                throw InvalidInput.of("typed", "invalid.tooLong", ANSWER_MAX);
            }
            TypingScore score = TypingScore.of(exam.typingText(), typed, Duration.between(attempt.startedAt(), now));
            boolean passed = score.perMinute() >= exam.typingMinCpm() && score.accuracy() >= exam.passPercent();
            store.close(attemptId, now, false, passed ? Attempt.Status.PASSED : Attempt.Status.FAILED,
                    score.perMinute(), null, score);
            audit.record(member, null, passed ? "training.exam.passed" : "training.exam.failed", "training_attempt",
                    attemptId.toString(), exam.title() + ": " + score.perMinute() + " characters a minute, "
                            + score.accuracy() + "% accurate");
            return store.attempt(attemptId).orElseThrow();
        }
        List<Question> questions = store.questions(attempt.questionIds());
        for (Map.Entry<UUID, String> given : answers.entrySet()) {
            if (given.getValue() != null && given.getValue().length() > ANSWER_MAX) {
                throw InvalidInput.of("q-" + given.getKey(), "invalid.tooLong", ANSWER_MAX);
            }
        }
        int score = 0;
        int max = 0;
        boolean waiting = false;
        for (Question question : questions) {
            String answer = Question.normalized(question.kind(), answers.get(question.id()));
            Integer points = question.score(answer);
            store.insertAnswer(attemptId, question.id(), answer.isEmpty() ? null : answer, points);
            max += question.points();
            if (points == null) {
                waiting = true;
            } else {
                score += points;
            }
        }
        Attempt.Status status = waiting ? Attempt.Status.SUBMITTED : passes(exam, score, max);
        store.close(attemptId, now, false, status, score, max, null);
        audit.record(member, null, "training.exam." + status.code(), "training_attempt", attemptId.toString(),
                exam.title() + ": " + score + " of " + max);
        return store.attempt(attemptId).orElseThrow();
    }

    /** A lead scores a short answer (0 to the question's points); the last one settles the attempt. */
    Attempt scoreAnswer(UUID attemptId, UUID questionId, Integer points, StaffMember lead) {
        Trainees.requireLead(lead);
        Attempt attempt = store.lockAttempt(attemptId).orElseThrow(() -> new NotFoundException("attempt", attemptId));
        if (attempt.staffId().equals(lead.id())) {
            throw new AccessDeniedException("nobody scores their own exam");
        }
        if (attempt.status() != Attempt.Status.SUBMITTED) {
            throw new RuleViolation("training.attempt.notWaiting", "this attempt has no answer waiting for a score");
        }
        Question question = store.questions(List.of(questionId)).stream().findFirst()
                .filter(q -> attempt.questionIds().contains(q.id()) && q.kind() == QuestionKind.SHORT)
                .orElseThrow(() -> new NotFoundException("question", questionId));
        if (points == null || points < 0 || points > question.points()) {
            throw InvalidInput.of("points", "invalid.range", 0, question.points());
        }
        store.scoreAnswer(attemptId, questionId, points, lead.id(), clock.instant());
        Exam exam = store.exam(attempt.examId()).orElseThrow();
        audit.record(lead, null, "training.answer.scored", "training_attempt", attemptId.toString(),
                exam.title() + ": " + points + " of " + question.points());
        Map<UUID, TrainingStore.Answer> answers = store.answers(attemptId);
        if (answers.values().stream().allMatch(a -> a.points() != null)) {
            int score = answers.values().stream().mapToInt(TrainingStore.Answer::points).sum();
            Attempt.Status status = passes(exam, score, attempt.maxScore());
            store.settle(attemptId, status, score);
            audit.record(lead, null, "training.exam." + status.code(), "training_attempt", attemptId.toString(),
                    exam.title() + ": " + score + " of " + attempt.maxScore());
        }
        return store.attempt(attemptId).orElseThrow();
    }

    /** Attempts with short answers waiting for a lead's score, oldest first. */
    @Transactional(readOnly = true)
    List<Attempt> waitingForScores(StaffMember lead) {
        Trainees.requireLead(lead);
        return store.attemptsWaitingForScores();
    }

    @Transactional(readOnly = true)
    List<Attempt> attemptsOf(StaffMember member) {
        return store.attemptsOf(member.id());
    }

    private static Attempt.Status passes(Exam exam, int score, int max) {
        return max > 0 && score * 100L >= (long) exam.passPercent() * max ? Attempt.Status.PASSED
                : Attempt.Status.FAILED;
    }
}
