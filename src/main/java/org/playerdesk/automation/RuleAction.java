package org.playerdesk.automation;

/** One action of an event rule: its kind's code and its value (see {@link RuleActionKind}). */
public record RuleAction(String kind, String value) {

    public RuleActionKind kindCode() {
        return org.playerdesk.system.entity.Coded.fromCode(RuleActionKind.class, kind);
    }
}
