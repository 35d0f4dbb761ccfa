package org.playerdesk.training;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffMember;

/**
 * Defining training without the console's forms (the demo workspace uses it): the same rules and
 * audit as the leads' pages. {@code roles} are role codes, {@code teams} workforce teams' ids; {@code newHires}: meant for every new
 * hire.
 */
public interface TrainingSetup {

    UUID course(String title, String summary, List<UUID> articleIds, Set<String> roles, Set<UUID> teams, boolean newHires,
            StaffMember by);

    /** A quiz drawing {@code drawCount} questions; {@code gate}: new hires must pass it before live work. */
    UUID quiz(String title, UUID courseId, int drawCount, int minutes, int passPercent, boolean gate,
            Set<String> roles, Set<UUID> teams, boolean newHires, StaffMember by);

    /** A typing test of {@code text}; {@code minCpm} null: the configured standard. */
    UUID typingTest(String title, String text, Integer minCpm, int minutes, int accuracyPercent, boolean gate,
            Set<String> roles, Set<UUID> teams, boolean newHires, StaffMember by);

    /** A question of a quiz's bank: kind single, multiple, true_false or short. */
    void question(UUID examId, String kind, String promptEn, String promptZh, List<String> optionsEn,
            List<String> optionsZh, String answer, int points, StaffMember by);

    /** Marks a member of staff as a new hire: no live work until they pass the onboarding exams meant for them. */
    void markNewHire(UUID staffId, StaffMember by);
}
