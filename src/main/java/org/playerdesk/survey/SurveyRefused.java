package org.playerdesk.survey;

import org.playerdesk.system.errors.RuleViolation;

/**
 * An answer refused before anything was counted: the link or token is not one PlayerDesk signed
 * ({@code survey.forged}), its time is over ({@code survey.expired}), the survey has its answer
 * already ({@code survey.answered}: a replay, or a second channel), or the ticket has no survey to
 * answer ({@code survey.none}). The words are {@code error.survey.*}, in the player's language.
 */
public class SurveyRefused extends RuleViolation {

    /** Why, each with its code. */
    public enum Reason {
        FORGED("survey.forged"), EXPIRED("survey.expired"), ANSWERED("survey.answered"), NONE("survey.none");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public SurveyRefused(Reason reason) {
        super(reason.code(), reason.name().toLowerCase(java.util.Locale.ROOT));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
