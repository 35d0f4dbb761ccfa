package org.playerdesk.training.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** The training tables ({@code training_*}), read and written; the rules are the services'. */
@Component
class TrainingStore {

    static final String COURSE = "course";
    static final String EXAM = "exam";

    private static final String EXAM_COLUMNS = "select id, title, kind, course_id, draw_count, time_limit_min, "
            + "pass_percent, gate, typing_text, typing_min_cpm from training_exam ";
    private static final String QUESTION_COLUMNS = "select id, exam_id, kind, prompt_en, prompt_zh, options_en, "
            + "options_zh, answer, points from training_question ";
    private static final String ATTEMPT_COLUMNS = "select id, exam_id, staff_id, seed, question_ids, started_at, "
            + "deadline, submitted_at, late, status, score, max_score, typed_chars, correct_chars, cpm, accuracy "
            + "from training_attempt ";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    TrainingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Integer integer(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    // ---------------------------------------------------------------- courses

    void insertCourse(UUID id, String title, String summary, List<UUID> articles, Audience audience, UUID trainerId,
            UUID by, Instant at) {
        jdbc.update("insert into training_course (id, title, summary, trainer_id, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?)", id, title, summary, trainerId, by, time(at));
        for (int i = 0; i < articles.size(); i++) {
            jdbc.update("insert into training_course_article (course_id, position, article_id) values (?, ?, ?)", id,
                    i + 1, articles.get(i));
        }
        insertAudience(COURSE, id, audience);
    }

    List<Course> courses() {
        Map<UUID, List<UUID>> articles = new HashMap<>();
        jdbc.query("select course_id, article_id from training_course_article order by course_id, position",
                row -> {
                    articles.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(row.getObject(2, UUID.class));
                });
        Map<UUID, Audience> audiences = audiences(COURSE);
        return jdbc.query("select id, title, summary, trainer_id from training_course order by created_at, title",
                (row, n) -> {
                    UUID id = row.getObject(1, UUID.class);
                    return new Course(id, row.getString(2), row.getString(3),
                            List.copyOf(articles.getOrDefault(id, List.of())), audiences.getOrDefault(id, Audience.NOBODY),
                            row.getObject(4, UUID.class));
                });
    }

    /** Each named trainer's courses, the evaluations of them and the mean trainer mark (null: none yet). */
    List<TrainerMarks> trainerMarks() {
        return jdbc.query("select c.trainer_id, count(distinct c.id), count(e.course_id), avg(cast(e.trainer as double "
                + "precision)) from training_course c left join training_evaluation e on e.course_id = c.id "
                + "where c.trainer_id is not null group by c.trainer_id", (row, n) -> {
                    double mean = row.getDouble(4);
                    return new TrainerMarks(row.getObject(1, UUID.class), row.getInt(2), row.getInt(3),
                            row.wasNull() ? null : mean);
                });
    }

    /** A trainer's courses, how many evaluations they had and the mean trainer mark. */
    record TrainerMarks(UUID trainerId, int courses, int evaluations, Double mean) {
    }

    Optional<Course> course(UUID id) {
        return courses().stream().filter(c -> c.id().equals(id)).findFirst();
    }

    void markRead(UUID courseId, UUID articleId, UUID staffId, Instant at) {
        if (jdbc.queryForObject("select count(*) from training_progress where course_id = ? and article_id = ? "
                + "and staff_id = ?", Integer.class, courseId, articleId, staffId) == 0) {
            jdbc.update("insert into training_progress (course_id, article_id, staff_id, read_at) values (?, ?, ?, ?)",
                    courseId, articleId, staffId, time(at));
        }
    }

    /** The articles each course's reader has read, by course. */
    Map<UUID, Set<UUID>> read(UUID staffId) {
        Map<UUID, Set<UUID>> read = new HashMap<>();
        jdbc.query("select course_id, article_id from training_progress where staff_id = ?", row -> {
            read.computeIfAbsent(row.getObject(1, UUID.class), k -> new HashSet<>()).add(row.getObject(2, UUID.class));
        }, staffId);
        return read;
    }

    /** Whether the member evaluated the course already. */
    boolean evaluated(UUID courseId, UUID staffId) {
        return jdbc.queryForObject("select count(*) from training_evaluation where course_id = ? and staff_id = ?",
                Integer.class, courseId, staffId) > 0;
    }

    void insertEvaluation(UUID courseId, UUID staffId, int content, int arrangement, int trainer, String remark,
            Instant at) {
        jdbc.update("insert into training_evaluation (course_id, staff_id, content, arrangement, trainer, remark, "
                + "created_at) values (?, ?, ?, ?, ?, ?, ?)", courseId, staffId, content, arrangement, trainer, remark,
                time(at));
    }

    /** A course's evaluations: how many, the average of each mark, and the remarks, newest first. */
    Evaluations evaluations(UUID courseId) {
        List<String> remarks = jdbc.queryForList("select remark from training_evaluation where course_id = ? "
                + "and remark is not null order by created_at desc", String.class, courseId);
        return jdbc.queryForObject("select count(*), avg(cast(content as double precision)), "
                + "avg(cast(arrangement as double precision)), avg(cast(trainer as double precision)) "
                + "from training_evaluation where course_id = ?", (row, n) -> new Evaluations(row.getInt(1),
                        row.getDouble(2), row.getDouble(3), row.getDouble(4), remarks), courseId);
    }

    /** What the trainees thought of a course (averages of 1 to 5). */
    record Evaluations(int count, double content, double arrangement, double trainer, List<String> remarks) {
    }

    // ---------------------------------------------------------------- audiences

    private void insertAudience(String subjectKind, UUID subjectId, Audience audience) {
        for (String role : audience.roles()) {
            jdbc.update("insert into training_audience (subject_kind, subject_id, kind, target) values (?, ?, 'role', ?)",
                    subjectKind, subjectId, role);
        }
        for (UUID team : audience.teams()) {
            jdbc.update("insert into training_audience (subject_kind, subject_id, kind, target) values (?, ?, 'team', ?)",
                    subjectKind, subjectId, team.toString());
        }
        if (audience.newHires()) {
            jdbc.update("insert into training_audience (subject_kind, subject_id, kind, target) "
                    + "values (?, ?, 'new_hire', '-')", subjectKind, subjectId);
        }
    }

    private Map<UUID, Audience> audiences(String subjectKind) {
        Map<UUID, Set<String>> roles = new HashMap<>();
        Map<UUID, Set<UUID>> teams = new HashMap<>();
        Set<UUID> newHires = new HashSet<>();
        jdbc.query("select subject_id, kind, target from training_audience where subject_kind = ?", row -> {
            UUID id = row.getObject(1, UUID.class);
            switch (row.getString(2)) {
                case "role" -> roles.computeIfAbsent(id, k -> new HashSet<>()).add(row.getString(3));
                case "team" -> teams.computeIfAbsent(id, k -> new HashSet<>()).add(UUID.fromString(row.getString(3)));
                default -> newHires.add(id);
            }
        }, subjectKind);
        Set<UUID> ids = new HashSet<>(roles.keySet());
        ids.addAll(teams.keySet());
        ids.addAll(newHires);
        Map<UUID, Audience> all = new HashMap<>();
        for (UUID id : ids) {
            all.put(id, new Audience(roles.getOrDefault(id, Set.of()), teams.getOrDefault(id, Set.of()),
                    newHires.contains(id)));
        }
        return all;
    }

    // ---------------------------------------------------------------- exams and questions

    void insertExam(Exam exam, Audience audience, UUID by, Instant at) {
        jdbc.update("insert into training_exam (id, title, kind, course_id, draw_count, time_limit_min, pass_percent, "
                + "gate, typing_text, typing_min_cpm, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                exam.id(), exam.title(), exam.kind().code(), exam.courseId(), exam.drawCount(), exam.timeLimitMinutes(),
                exam.passPercent(), exam.gate(), exam.typingText(), exam.typingMinCpm(), by, time(at));
        insertAudience(EXAM, exam.id(), audience);
    }

    private final RowMapper<Exam> examRow = (row, n) -> new Exam(row.getObject(1, UUID.class), row.getString(2),
            Exam.Kind.of(row.getString(3)), row.getObject(4, UUID.class), row.getInt(5), row.getInt(6), row.getInt(7),
            row.getBoolean(8), row.getString(9), integer(row, 10));

    List<Exam> exams() {
        return jdbc.query(EXAM_COLUMNS + "order by created_at, title", examRow);
    }

    Optional<Exam> exam(UUID id) {
        return jdbc.query(EXAM_COLUMNS + "where id = ?", examRow, id).stream().findFirst();
    }

    Map<UUID, Audience> examAudiences() {
        return audiences(EXAM);
    }

    void insertQuestion(Question q, Instant at) {
        jdbc.update("insert into training_question (id, exam_id, kind, prompt_en, prompt_zh, options_en, options_zh, "
                + "answer, points, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", q.id(), q.examId(),
                q.kind().code(), q.promptEn(), q.promptZh(), String.join("\n", q.optionsEn()),
                String.join("\n", q.optionsZh()), q.answer(), q.points(), time(at));
    }

    private static final RowMapper<Question> QUESTION = (row, n) -> new Question(row.getObject(1, UUID.class),
            row.getObject(2, UUID.class), QuestionKind.of(row.getString(3)), row.getString(4), row.getString(5),
            Question.lines(row.getString(6)), Question.lines(row.getString(7)), row.getString(8), row.getInt(9));

    List<Question> questions(UUID examId) {
        return jdbc.query(QUESTION_COLUMNS + "where exam_id = ? order by created_at, id", QUESTION, examId);
    }

    /** The questions by id, in the order given. */
    List<Question> questions(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Question> found = new LinkedHashMap<>();
        named.query(QUESTION_COLUMNS + "where id in (:ids)", Map.of("ids", ids), QUESTION)
                .forEach(q -> found.put(q.id(), q));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    // ---------------------------------------------------------------- attempts and answers

    private static final RowMapper<Attempt> ATTEMPT = (row, n) -> new Attempt(row.getObject(1, UUID.class),
            row.getObject(2, UUID.class), row.getObject(3, UUID.class), row.getLong(4),
            row.getString(5).isEmpty() ? List.of()
                    : Arrays.stream(row.getString(5).split(",")).map(UUID::fromString).toList(),
            instant(row, 6), instant(row, 7), instant(row, 8), row.getBoolean(9), Attempt.Status.of(row.getString(10)),
            integer(row, 11), integer(row, 12), integer(row, 13), integer(row, 14), integer(row, 15), integer(row, 16));

    void insertAttempt(Attempt a) {
        jdbc.update("insert into training_attempt (id, exam_id, staff_id, seed, question_ids, started_at, deadline, "
                + "status) values (?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.examId(), a.staffId(), a.seed(),
                String.join(",", a.questionIds().stream().map(UUID::toString).toList()), time(a.startedAt()),
                time(a.deadline()), a.status().code());
    }

    Optional<Attempt> attempt(UUID id) {
        return jdbc.query(ATTEMPT_COLUMNS + "where id = ?", ATTEMPT, id).stream().findFirst();
    }

    /** The attempt's row locked, so that two submissions of one attempt take turns. */
    Optional<Attempt> lockAttempt(UUID id) {
        return jdbc.query(ATTEMPT_COLUMNS + "where id = ? for update", ATTEMPT, id).stream().findFirst();
    }

    /** The member's attempts, newest first. */
    List<Attempt> attemptsOf(UUID staffId) {
        return jdbc.query(ATTEMPT_COLUMNS + "where staff_id = ? order by started_at desc", ATTEMPT, staffId);
    }

    /** The attempts of these members, newest first. */
    List<Attempt> attemptsOf(Collection<UUID> staffIds) {
        if (staffIds.isEmpty()) {
            return List.of();
        }
        return named.query(ATTEMPT_COLUMNS + "where staff_id in (:ids) order by started_at desc",
                Map.of("ids", staffIds), ATTEMPT);
    }

    List<Attempt> attemptsWaitingForScores() {
        return jdbc.query(ATTEMPT_COLUMNS + "where status = 'submitted' order by submitted_at", ATTEMPT);
    }

    void close(UUID attemptId, Instant at, boolean late, Attempt.Status status, Integer score, Integer maxScore,
            TypingScore typing) {
        jdbc.update("update training_attempt set submitted_at = ?, late = ?, status = ?, score = ?, max_score = ?, "
                + "typed_chars = ?, correct_chars = ?, cpm = ?, accuracy = ? where id = ?", time(at), late,
                status.code(), score, maxScore, typing == null ? null : typing.typed(),
                typing == null ? null : typing.correct(), typing == null ? null : typing.perMinute(),
                typing == null ? null : typing.accuracy(), attemptId);
    }

    void settle(UUID attemptId, Attempt.Status status, int score) {
        jdbc.update("update training_attempt set status = ?, score = ? where id = ?", status.code(), score, attemptId);
    }

    void insertAnswer(UUID attemptId, UUID questionId, String answer, Integer points) {
        jdbc.update("insert into training_answer (attempt_id, question_id, answer, points) values (?, ?, ?, ?)",
                attemptId, questionId, answer, points);
    }

    /** A given answer and its points (null: not scored yet). */
    record Answer(UUID questionId, String answer, Integer points) {
    }

    Map<UUID, Answer> answers(UUID attemptId) {
        Map<UUID, Answer> answers = new LinkedHashMap<>();
        jdbc.query("select question_id, answer, points from training_answer where attempt_id = ?", row -> {
            UUID question = row.getObject(1, UUID.class);
            answers.put(question, new Answer(question, row.getString(2), integer(row, 3)));
        }, attemptId);
        return answers;
    }

    void scoreAnswer(UUID attemptId, UUID questionId, int points, UUID by, Instant at) {
        jdbc.update("update training_answer set points = ?, scored_by = ?, scored_at = ? "
                + "where attempt_id = ? and question_id = ?", points, by, time(at), attemptId, questionId);
    }

    // ---------------------------------------------------------------- new hires

    void markNewHire(UUID staffId, UUID by, Instant at) {
        if (jdbc.update("update training_new_hire set marked_by = ?, marked_at = ?, released_at = null "
                + "where staff_id = ?", by, time(at), staffId) == 0) {
            jdbc.update("insert into training_new_hire (staff_id, marked_by, marked_at) values (?, ?, ?)", staffId, by,
                    time(at));
        }
    }

    boolean releaseNewHire(UUID staffId, Instant at) {
        return jdbc.update("update training_new_hire set released_at = ? where staff_id = ? and released_at is null",
                time(at), staffId) > 0;
    }

    /** Of these members, those marked as new hires and not released. */
    Set<UUID> newHiresAmong(Collection<UUID> staffIds) {
        if (staffIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(named.queryForList("select staff_id from training_new_hire where released_at is null "
                + "and staff_id in (:ids)", Map.of("ids", staffIds), UUID.class));
    }

    /** Every member marked as a new hire and not released, with when. */
    Map<UUID, Instant> newHires() {
        Map<UUID, Instant> all = new LinkedHashMap<>();
        jdbc.query("select staff_id, marked_at from training_new_hire where released_at is null order by marked_at",
                row -> {
                    all.put(row.getObject(1, UUID.class), instant(row, 2));
                });
        return all;
    }
}
