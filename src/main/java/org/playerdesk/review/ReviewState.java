package org.playerdesk.review;

/**
 * Where a monthly review stands: the lead's draft; shared with the agent (it counts for pay from
 * then on); acknowledged by the agent, after which nothing in it changes.
 */
public enum ReviewState implements org.playerdesk.system.entity.Coded {
    DRAFT("draft"), SHARED("shared"), ACKNOWLEDGED("acknowledged");

    private final String code;

    ReviewState(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ReviewState of(String code) {
        return org.playerdesk.system.entity.Coded.fromCode(ReviewState.class, code);
    }
}
