package org.playerdesk.training.internal;

import java.util.UUID;

/**
 * An exam: {@code drawCount} questions drawn from its bank (a quiz) or a text to type (the typing
 * test), {@code timeLimitMinutes} to finish, passed at {@code passPercent} of the points (for the
 * typing test: that accuracy, and at least {@code typingMinCpm} correct characters a minute). A
 * gate exam must be passed by a new hire it is meant for before they get live work.
 */
record Exam(UUID id, String title, Kind kind, UUID courseId, int drawCount, int timeLimitMinutes, int passPercent,
        boolean gate, String typingText, Integer typingMinCpm) {

    enum Kind implements org.playerdesk.system.entity.Coded {
        QUIZ("quiz"), TYPING("typing");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        static Kind of(String code) {
            return org.playerdesk.system.entity.Coded.fromCode(Kind.class, code);
        }
    }

    boolean typing() {
        return kind == Kind.TYPING;
    }
}
