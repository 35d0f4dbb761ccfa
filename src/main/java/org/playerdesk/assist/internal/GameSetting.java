package org.playerdesk.assist.internal;

import java.util.UUID;

import org.playerdesk.system.cache.ReferenceData;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A game's thresholds: when the bot answers a player, when a suggestion is applied without an
 * agent; and whether the bot answers the first message of the game's live chats.
 */
@Entity
@Table(name = "assist_setting")
@EntityListeners(ReferenceData.Changes.class)
public class GameSetting {

    @Id
    private UUID gameId;
    private double botThreshold;
    private double applyThreshold;
    private boolean chatBot = true;

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

    void answerInChat(boolean chatBot) {
        this.chatBot = chatBot;
    }

    /** Whether the bot answers a live chat's first message before the chat joins the queue. */
    public boolean chatBot() {
        return chatBot;
    }
}
