package org.playerdesk.automation.internal;

import java.util.List;

import org.playerdesk.automation.RuleAction;
import org.playerdesk.automation.RuleConditions;
import org.playerdesk.automation.RuleView;
import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A rule's conditions and actions as the JSON text they are stored as (varchar: the same on H2 and PostgreSQL). */
@Component
public class RuleJson {

    private static final TypeReference<List<RuleAction>> ACTIONS = new TypeReference<>() {
    };

    private final JsonMapper json;

    RuleJson(JsonMapper json) {
        this.json = json;
    }

    public String write(Object value) {
        return json.writeValueAsString(value);
    }

    public RuleConditions conditions(AutomationRule rule) {
        return json.readValue(rule.conditionsJson(), RuleConditions.class);
    }

    public List<RuleAction> actions(AutomationRule rule) {
        return json.readValue(rule.actionsJson(), ACTIONS);
    }

    public RuleView view(AutomationRule rule) {
        return new RuleView(rule.getId(), rule.gameId(), rule.name(), rule.trigger(), rule.position(), rule.enabled(),
                conditions(rule), actions(rule), rule.updatedAt());
    }
}
