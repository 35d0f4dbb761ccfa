package org.playerdesk.workforce.internal.worklog;

import org.playerdesk.system.entity.Coded;

/** What kind of problem an entry of the work log is (seed 004: the log records new or unsolved problems only). */
enum ProblemCategory implements Coded {
    /** A problem seen for the first time today. */
    NEW("new"),
    /** A problem still without a solution. */
    UNSOLVED("unsolved"),
    /** Not a problem yet, but worth watching (a rumour among players, a rising number of reports). */
    WATCH("watch");

    private final String code;

    ProblemCategory(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The message key of its name. */
    public String label() {
        return "worklog.category." + code;
    }
}
