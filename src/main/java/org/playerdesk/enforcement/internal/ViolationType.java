package org.playerdesk.enforcement.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.playerdesk.enforcement.ViolationTypeView;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.entity.StoredEntity;

@Entity
@EntityListeners(ReferenceData.Changes.class)
@Table(name = "violation_type")
public class ViolationType extends StoredEntity {

    static final String ALL = "all";
    static final String PARTNER = "partner";

    private UUID gameId;
    private String code;
    private String name;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "violation_type_id", nullable = false)
    private List<PenaltyStep> steps = new ArrayList<>();
    private int minorStart = 1;
    private int normalStart = 1;
    private int severeStart = 1;

    protected ViolationType() {
    }

    public ViolationType(UUID gameId, String code, String name) {
        this.gameId = gameId;
        this.code = code;
        this.name = name;
    }

    /** Replaces the name and both ladders. */
    public void define(String name, List<ViolationTypeView.Rung> ladder, List<ViolationTypeView.Rung> partnerLadder) {
        this.name = name;
        steps.clear();
        for (int i = 0; i < ladder.size(); i++) {
            steps.add(new PenaltyStep(ALL, i + 1, ladder.get(i).penalty(), ladder.get(i).days()));
        }
        for (int i = 0; i < partnerLadder.size(); i++) {
            steps.add(new PenaltyStep(PARTNER, i + 1, partnerLadder.get(i).penalty(), partnerLadder.get(i).days()));
        }
    }

    /** Sets the step at which each severity starts. */
    public void startAt(ViolationTypeView.Starts starts) {
        this.minorStart = starts.minor();
        this.normalStart = starts.normal();
        this.severeStart = starts.severe();
    }

    public UUID gameId() {
        return gameId;
    }

    public ViolationTypeView view() {
        return new ViolationTypeView(getId(), gameId, code, name, ladder(ALL), ladder(PARTNER),
                new ViolationTypeView.Starts(minorStart, normalStart, severeStart));
    }

    private List<ViolationTypeView.Rung> ladder(String audience) {
        return steps.stream().filter(s -> s.audience().equals(audience))
                .sorted(Comparator.comparingInt(PenaltyStep::position)).map(PenaltyStep::rung).toList();
    }
}
