package org.playerdesk.automation.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.automation.RuleTrigger;
import org.playerdesk.system.entity.CodedConverter;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.system.cache.ReferenceData;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An event rule; its conditions and actions are stored as JSON text, checked before they are stored. */
@Entity
@Table(name = "automation_rule")
@EntityListeners(ReferenceData.Changes.class)
public class AutomationRule extends StoredEntity {

    public static final int NAME_MAX = 80;
    /** The stored JSON's room (columns conditions and actions). */
    public static final int CONDITIONS_MAX = 8000;
    public static final int ACTIONS_MAX = 30000;

    private UUID gameId;
    private String name;
    @Column(name = "trigger_on")
    @Convert(converter = TriggerConverter.class)
    private RuleTrigger trigger;
    private int position;
    private boolean enabled;
    private String conditions;
    private String actions;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected AutomationRule() {
    }

    public AutomationRule(UUID gameId, int position, Instant now) {
        this.gameId = gameId;
        this.position = position;
        this.createdAt = now;
    }

    public void change(String name, RuleTrigger trigger, boolean enabled, String conditions, String actions, Instant now) {
        this.name = name;
        this.trigger = trigger;
        this.enabled = enabled;
        this.conditions = conditions;
        this.actions = actions;
        this.updatedAt = now;
    }

    public void enable(boolean on, Instant now) {
        this.enabled = on;
        this.updatedAt = now;
    }

    public void moveTo(int position) {
        this.position = position;
    }

    public UUID gameId() {
        return gameId;
    }

    public String name() {
        return name;
    }

    public RuleTrigger trigger() {
        return trigger;
    }

    public int position() {
        return position;
    }

    public boolean enabled() {
        return enabled;
    }

    public String conditionsJson() {
        return conditions;
    }

    public String actionsJson() {
        return actions;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Converter
    static class TriggerConverter extends CodedConverter<RuleTrigger> {
        TriggerConverter() {
            super(RuleTrigger.class);
        }
    }
}
