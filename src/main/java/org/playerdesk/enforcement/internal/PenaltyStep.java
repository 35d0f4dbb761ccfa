package org.playerdesk.enforcement.internal;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import org.playerdesk.enforcement.Penalty;
import org.playerdesk.enforcement.ViolationTypeView;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.entity.StoredEntity;

@Entity
@EntityListeners(ReferenceData.Changes.class)
@Table(name = "penalty_step")
public class PenaltyStep extends StoredEntity {

    private String audience;
    private int position;
    @Convert(converter = Converters.PenaltyKind.class)
    private Penalty penalty;
    private Integer days;

    protected PenaltyStep() {
    }

    PenaltyStep(String audience, int position, Penalty penalty, Integer days) {
        this.audience = audience;
        this.position = position;
        this.penalty = penalty;
        this.days = days;
    }

    String audience() {
        return audience;
    }

    int position() {
        return position;
    }

    ViolationTypeView.Rung rung() {
        return new ViolationTypeView.Rung(penalty, days);
    }
}
