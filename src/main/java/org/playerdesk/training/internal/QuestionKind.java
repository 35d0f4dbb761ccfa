package org.playerdesk.training.internal;

import org.playerdesk.system.entity.Coded;

/** The kinds of exam question: one choice, several choices, true or false, and a short answer a lead scores. */
enum QuestionKind implements Coded {
    SINGLE("single"), MULTIPLE("multiple"), TRUE_FALSE("true_false"), SHORT("short");

    private final String code;

    QuestionKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    static QuestionKind of(String code) {
        return Coded.fromCode(QuestionKind.class, code);
    }

    boolean choices() {
        return this == SINGLE || this == MULTIPLE;
    }
}
