package org.playerdesk.routing.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.routing.Roster;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

/** A dated exception to an agent's week: leave (whole day or hours) or an extra shift. */
@Entity
@EntityListeners(ReferenceData.Changes.class)
@Table(name = "routing_shift_exception")
public class ShiftException extends StoredEntity {

    private UUID staffId;
    private LocalDate onDate;
    private String kind;
    private String startsAt;
    private String endsAt;

    protected ShiftException() {
    }

    public ShiftException(UUID staffId, Roster.Dated dated) {
        this.staffId = staffId;
        this.onDate = dated.date();
        this.kind = dated.kind().name().toLowerCase(Locale.ROOT);
        this.startsAt = dated.from() == null ? null : Roster.hhmm(dated.from());
        this.endsAt = dated.to() == null ? null : Roster.end(dated.to());
    }

    public Roster.Dated dated() {
        return new Roster.Dated(onDate, Roster.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                startsAt == null ? null : Roster.time(startsAt), endsAt == null ? null : Roster.time(endsAt));
    }

    public UUID staffId() {
        return staffId;
    }
}
