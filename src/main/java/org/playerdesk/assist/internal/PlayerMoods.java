package org.playerdesk.assist.internal;

import org.playerdesk.assist.AbusiveLanguage;
import org.playerdesk.assist.Mood;
import org.springframework.stereotype.Component;

/** How players' words sound, for other modules (a live chat's lines): the classifier's mood. */
@Component
class PlayerMoods implements AbusiveLanguage {

    private final TicketClassifier classifier;

    PlayerMoods(TicketClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Mood mood(String text) {
        return classifier.mood(text);
    }
}
