package org.playerdesk.automation.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.automation.TimeRuleKind;
import org.playerdesk.automation.TimeRuleView;
import org.playerdesk.system.entity.CodedConverter;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A game's time rule. {@code sweptUntil} is how far the sweep has looked: tickets last changed
 * before it were seen already, so a sweep reads only those that became due since (kept by the
 * sweep with a conditional update, never written with the entity).
 */
@Entity
@Table(name = "automation_time_rule")
public class TimeRule extends StoredEntity {

    public static final int HOURS_MAX = 24 * 90;
    public static final int MESSAGE_MAX = 2000;

    private UUID gameId;
    @Convert(converter = KindConverter.class)
    private TimeRuleKind kind;
    private int hours;
    private boolean enabled;
    private String message;
    @Column(insertable = false, updatable = false)
    private Instant sweptUntil;
    private Instant updatedAt;

    protected TimeRule() {
    }

    public TimeRule(UUID gameId, TimeRuleKind kind, String message, Instant now) {
        this.gameId = gameId;
        this.kind = kind;
        this.hours = kind.defaultHours();
        this.enabled = true;
        this.message = message;
        this.updatedAt = now;
    }

    public void change(int hours, boolean enabled, String message, Instant now) {
        this.hours = hours;
        this.enabled = enabled;
        this.message = message;
        this.updatedAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public TimeRuleKind kind() {
        return kind;
    }

    public int hours() {
        return hours;
    }

    public boolean enabled() {
        return enabled;
    }

    public String message() {
        return message;
    }

    public Instant sweptUntil() {
        return sweptUntil;
    }

    public TimeRuleView view() {
        return new TimeRuleView(getId(), gameId, kind, hours, enabled, message);
    }

    @Converter
    static class KindConverter extends CodedConverter<TimeRuleKind> {
        KindConverter() {
            super(TimeRuleKind.class);
        }
    }
}
