package org.playerdesk.automation;

import java.util.List;

/** An event rule as an editor submits it; checked field by field when saved. */
public record RuleDraft(String name, String trigger, boolean enabled, RuleConditions conditions,
        List<RuleAction> actions) {

    public RuleDraft {
        conditions = conditions == null ? RuleConditions.ANY : conditions;
        actions = actions == null ? List.of() : actions.stream()
                .filter(a -> a != null && a.kind() != null && !a.kind().isBlank()).toList();
    }
}
