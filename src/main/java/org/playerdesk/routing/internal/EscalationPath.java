package org.playerdesk.routing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.ticket.SupportLevel;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A game's escalation path, lowest level first, stored as codes separated by commas. */
@Entity
@Table(name = "routing_escalation_path")
public class EscalationPath {

    @Id
    private UUID gameId;
    private String levels;

    protected EscalationPath() {
    }

    public EscalationPath(UUID gameId) {
        this.gameId = gameId;
    }

    public void set(List<SupportLevel> path) {
        this.levels = String.join(",", path.stream().map(SupportLevel::code).toList());
    }

    public List<SupportLevel> levels() {
        return Arrays.stream(levels.split(",")).map(code -> Coded.fromCode(SupportLevel.class, code)).toList();
    }
}
