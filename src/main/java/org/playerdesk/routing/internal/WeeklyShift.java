package org.playerdesk.routing.internal;

import java.time.DayOfWeek;
import java.util.UUID;

import org.playerdesk.routing.Roster;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

/** One weekly shift of an agent, in the agent's time zone; hours as HH:mm. */
@Entity
@EntityListeners(ReferenceData.Changes.class)
@Table(name = "routing_shift")
public class WeeklyShift extends StoredEntity {

    private UUID staffId;
    private int dayOfWeek;
    private String startsAt;
    private String endsAt;

    protected WeeklyShift() {
    }

    public WeeklyShift(UUID staffId, Roster.Weekly shift) {
        this.staffId = staffId;
        this.dayOfWeek = shift.day().getValue();
        this.startsAt = Roster.hhmm(shift.from());
        this.endsAt = Roster.end(shift.to());
    }

    public Roster.Weekly shift() {
        return new Roster.Weekly(DayOfWeek.of(dayOfWeek), Roster.time(startsAt), Roster.time(endsAt));
    }

    public UUID staffId() {
        return staffId;
    }
}
