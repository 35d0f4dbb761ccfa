package org.playerdesk.outreach;

import java.util.Set;

import org.playerdesk.system.entity.Coded;

/**
 * A campaign's life: a draft is started (its recipients are fixed then), runs, may be paused and
 * resumed, and ends finished or cancelled. {@link #canBecome} is the one list of allowed moves; the
 * one exception is a finished campaign whose interrupted recipients a lead resends, which runs
 * again until they are sent ({@code Campaigns.resendInterrupted}).
 */
public enum CampaignState implements Coded {
    DRAFT("draft"), RUNNING("running"), PAUSED("paused"), FINISHED("finished"), CANCELLED("cancelled");

    private final String code;

    CampaignState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean canBecome(CampaignState next) {
        return switch (this) {
            case DRAFT -> Set.of(RUNNING, CANCELLED).contains(next);
            case RUNNING -> Set.of(PAUSED, FINISHED, CANCELLED).contains(next);
            case PAUSED -> Set.of(RUNNING, CANCELLED).contains(next);
            case FINISHED, CANCELLED -> false;
        };
    }

    public boolean ended() {
        return this == FINISHED || this == CANCELLED;
    }
}
