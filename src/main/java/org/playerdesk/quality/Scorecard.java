package org.playerdesk.quality;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A game's QA scorecard (质检评分表), one version of it: sections worth points, each with the
 * deductions a reviewer may mark (an item may name the reply check that finds it, so the review
 * page marks it where the check found something), and fatal errors that zero the whole score.
 * A section's score is its points less its marked deductions, never below zero.
 */
public record Scorecard(List<Section> sections, List<Fatal> fatals) {

    /** A section: its name in Chinese and English, its points and its deductions. */
    public record Section(String nameZh, String nameEn, int points, List<Item> items) {

        public Section {
            items = List.copyOf(items);
        }

        public String name(Locale locale) {
            return Scorecard.chinese(locale) ? nameZh : nameEn;
        }

        /** The section's points once the marked deductions are taken off. */
        public int score(Set<String> marked) {
            int off = items.stream().filter(item -> marked.contains(item.code())).mapToInt(Item::points).sum();
            return Math.max(0, points - off);
        }
    }

    /** A deduction: its code, names, the points it takes off and the reply check that finds it (or null). */
    public record Item(String code, String nameZh, String nameEn, int points, String check) {

        public String name(Locale locale) {
            return Scorecard.chinese(locale) ? nameZh : nameEn;
        }
    }

    /** A fatal error: marked, the conversation scores nothing. */
    public record Fatal(String code, String nameZh, String nameEn) {

        public String name(Locale locale) {
            return Scorecard.chinese(locale) ? nameZh : nameEn;
        }
    }

    /** A scored conversation: the points, the most it could have had, whether a fatal error zeroed it. */
    public record Score(int points, int max, boolean fatal) {

        /** The points out of a hundred, rounded. */
        public int percent() {
            return max == 0 ? 0 : Math.round(points * 100f / max);
        }
    }

    public Scorecard {
        sections = List.copyOf(sections);
        fatals = List.copyOf(fatals);
    }

    public int max() {
        return sections.stream().mapToInt(Section::points).sum();
    }

    /** Every code the scorecard knows: its deductions' and fatal errors'. */
    public Set<String> codes() {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        sections.forEach(section -> section.items().forEach(item -> codes.add(item.code())));
        fatals.forEach(fatal -> codes.add(fatal.code()));
        return codes;
    }

    /** The score of a conversation with these marks (codes the scorecard does not know count nothing). */
    public Score score(Collection<String> marks) {
        Set<String> marked = Set.copyOf(marks);
        boolean fatal = fatals.stream().anyMatch(f -> marked.contains(f.code()));
        int points = fatal ? 0 : sections.stream().mapToInt(section -> section.score(marked)).sum();
        return new Score(points, max(), fatal);
    }

    /** The deductions the reply checks point to, given the codes of what they found. */
    public Set<String> suggested(Collection<String> found) {
        java.util.Set<String> marks = new java.util.LinkedHashSet<>();
        sections.forEach(section -> section.items().stream()
                .filter(item -> item.check() != null && found.contains(item.check())).forEach(item -> marks.add(item.code())));
        return marks;
    }

    static boolean chinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
