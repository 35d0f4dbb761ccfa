package org.playerdesk.assist.internal;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A game's thresholds: when the bot answers a player, when a suggestion is applied without an agent. */
@Entity
@Table(name = "assist_setting")
public class GameSetting {

    @Id
    private UUID gameId;
    private double botThreshold;
    private double applyThreshold;

    protected GameSetting() {
    }

    GameSetting(UUID gameId, double botThreshold, double applyThreshold) {
        this.gameId = gameId;
        change(botThreshold, applyThreshold);
    }

    void change(double botThreshold, double applyThreshold) {
        this.botThreshold = botThreshold;
        this.applyThreshold = applyThreshold;
    }

    public double botThreshold() {
        return botThreshold;
    }

    public double applyThreshold() {
        return applyThreshold;
    }
}
