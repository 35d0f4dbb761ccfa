package org.playerdesk.training.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.knowledge.ArticleTitles;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.stereotype.Component;

/** What the training pages show, as rows a template can print without knowing the rules. */
@Component
class TrainingPages {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A course in a list: how far the reader got. */
    record CourseLine(UUID id, String title, String summary, int read, int total, List<String> roles,
            List<String> teams, boolean newHires, String trainer) {

        public boolean complete() {
            return total > 0 && read >= total;
        }
    }

    /** An exam in a list, with the reader's latest attempt. */
    record ExamLine(UUID id, String title, String kind, boolean gate, int timeLimitMinutes, int passPercent,
            Integer minCpm, int drawCount, String latest, UUID latestAttempt, boolean running, boolean passed) {
    }

    /** An article of a course. */
    record ArticleLine(UUID id, String title, boolean internal, boolean read) {
    }

    /** An option of a choice question. */
    record Option(int number, String text, boolean chosen) {
    }

    /** A question of an attempt, with the answer given and its points once scored. */
    record QuestionLine(UUID id, String kind, String prompt, List<Option> options, String given, Integer points,
            int max) {
    }

    /** An attempt as its page shows it. */
    record AttemptView(UUID id, UUID examId, String examTitle, String kind, String trainee, String status,
            boolean open, boolean late, String startedAt, String deadline, long deadlineEpoch, Integer score,
            Integer maxScore, Integer perMinute, Integer accuracy, Integer minCpm, int passPercent, String typingText,
            long seed, List<QuestionLine> questions) {
    }

    private final TrainingCatalog catalog;
    private final ExamSittings sittings;
    private final StaffDirectory staff;
    private final Teams teams;
    private final Clock clock;

    TrainingPages(TrainingCatalog catalog, ExamSittings sittings, StaffDirectory staff, Teams teams, Clock clock) {
        this.catalog = catalog;
        this.sittings = sittings;
        this.staff = staff;
        this.teams = teams;
        this.clock = clock;
    }

    List<CourseLine> courses(List<Course> courses, StaffMember reader) {
        Map<UUID, Set<UUID>> read = catalog.read(reader);
        Map<UUID, String> teamNames = teamNames();
        Map<UUID, StaffMember> trainers = staff.byIds(courses.stream().map(Course::trainerId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        return courses.stream().map(c -> new CourseLine(c.id(), c.title(), c.summary(),
                (int) c.articleIds().stream().filter(read.getOrDefault(c.id(), Set.of())::contains).count(),
                c.articleIds().size(), c.audience().roles().stream().sorted().toList(),
                c.audience().teams().stream().map(teamNames::get).filter(java.util.Objects::nonNull).sorted().toList(),
                c.audience().newHires(), c.trainerId() == null || !trainers.containsKey(c.trainerId()) ? null
                        : trainers.get(c.trainerId()).displayName())).toList();
    }

    /** A named trainer's marks over their courses, by name. */
    record TrainerLine(String name, int courses, int evaluations, Double mean) {
    }

    /** Every named trainer's marks over their courses, by name: what the trainees thought of each. */
    List<TrainerLine> trainers() {
        List<TrainingStore.TrainerMarks> marks = catalog.trainerMarks();
        Map<UUID, StaffMember> people = staff.byIds(marks.stream().map(TrainingStore.TrainerMarks::trainerId).toList());
        return marks.stream().filter(m -> people.containsKey(m.trainerId()))
                .map(m -> new TrainerLine(people.get(m.trainerId()).displayName(), m.courses(), m.evaluations(),
                        m.mean()))
                .sorted(Comparator.comparing(TrainerLine::name)).toList();
    }

    List<ExamLine> exams(List<Exam> exams, StaffMember member) {
        List<Attempt> attempts = sittings.attemptsOf(member);
        Instant now = clock.instant();
        return exams.stream().map(e -> {
            List<Attempt> mine = attempts.stream().filter(a -> a.examId().equals(e.id())).toList();
            Attempt latest = mine.isEmpty() ? null : mine.getFirst();
            boolean running = latest != null && latest.open() && !sittings.overdue(latest, now);
            return new ExamLine(e.id(), e.title(), e.kind().code(), e.gate(), e.timeLimitMinutes(), e.passPercent(),
                    e.typingMinCpm(), e.drawCount(), latest == null ? null : status(latest, now),
                    latest == null ? null : latest.id(), running,
                    mine.stream().anyMatch(a -> a.status() == Attempt.Status.PASSED));
        }).toList();
    }

    List<ArticleLine> articles(Course course, StaffMember reader) {
        Map<UUID, ArticleTitles.ArticleTitle> titles = catalog.titles(course.articleIds());
        Set<UUID> read = catalog.read(reader).getOrDefault(course.id(), Set.of());
        List<ArticleLine> lines = new ArrayList<>();
        for (UUID id : course.articleIds()) {
            ArticleTitles.ArticleTitle title = titles.get(id);
            if (title != null) {
                lines.add(new ArticleLine(id, title.title(),
                        title.audience() == org.playerdesk.knowledge.Audience.INTERNAL, read.contains(id)));
            }
        }
        return lines;
    }

    AttemptView attempt(Attempt attempt, Exam exam, Locale locale) {
        ZoneId zone = clock.getZone();
        Map<UUID, TrainingStore.Answer> answers = sittings.answers(attempt);
        Instant now = clock.instant();
        List<QuestionLine> questions = sittings.questions(attempt).stream().map(q -> {
            TrainingStore.Answer answer = answers.get(q.id());
            String given = answer == null ? null : answer.answer();
            Set<String> chosen = given == null ? Set.of() : Set.of(given.split(","));
            List<String> options = q.options(locale);
            List<Option> choices = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                choices.add(new Option(i + 1, options.get(i), chosen.contains(String.valueOf(i + 1))));
            }
            return new QuestionLine(q.id(), q.kind().code(), q.prompt(locale), choices, given,
                    answer == null ? null : answer.points(), q.points());
        }).toList();
        String trainee = staff.byIds(List.of(attempt.staffId())).values().stream().map(StaffMember::displayName)
                .findFirst().orElse("");
        boolean open = attempt.open() && !sittings.overdue(attempt, now);
        return new AttemptView(attempt.id(), exam.id(), exam.title(), exam.kind().code(), trainee,
                status(attempt, now), open, attempt.late(), WHEN.format(attempt.startedAt().atZone(zone)),
                WHEN.format(attempt.deadline().atZone(zone)), attempt.deadline().toEpochMilli(), attempt.score(),
                attempt.maxScore(), attempt.perMinute(), attempt.accuracy(), exam.typingMinCpm(), exam.passPercent(),
                exam.typingText(), attempt.seed(), questions);
    }

    /** The attempt's status code; a running attempt past its time shows as expired (it can only fail now). */
    private String status(Attempt attempt, Instant now) {
        return attempt.open() && sittings.overdue(attempt, now) ? "expired" : attempt.status().code();
    }

    /** A time as the pages show it, or nothing. */
    String when(Instant at) {
        return at == null ? "" : WHEN.format(at.atZone(clock.getZone()));
    }

    List<TeamView> teams() {
        return teams.all();
    }

    private Map<UUID, String> teamNames() {
        Map<UUID, String> names = new java.util.HashMap<>();
        teams.all().forEach(t -> names.put(t.id(), t.name()));
        return names;
    }

    /** Everyone enabled, by name: the gate page's choice of whom to mark as a new hire. */
    List<StaffMember> people() {
        return staff.all().stream().filter(StaffMember::enabled).sorted(Comparator.comparing(StaffMember::displayName))
                .toList();
    }

    Map<UUID, StaffMember> staff(java.util.Collection<UUID> ids) {
        return staff.byIds(ids);
    }
}
