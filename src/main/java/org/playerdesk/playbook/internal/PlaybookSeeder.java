package org.playerdesk.playbook.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a game the shipped procedures, in a transaction of its own: when two first views of a
 * game race, one seeds and the other's insert meets the unique code and is rolled back alone,
 * leaving its caller's transaction untouched (the caller drops the refusal).
 */
@Component
public class PlaybookSeeder {

    private final PlaybookRepository playbooks;

    PlaybookSeeder(PlaybookRepository playbooks) {
        this.playbooks = playbooks;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void seed(UUID gameId, boolean chinese, Instant now) {
        if (playbooks.existsByGameId(gameId)) {
            return;
        }
        for (DefaultPlaybooks.Definition definition : DefaultPlaybooks.of(chinese)) {
            Playbook playbook = new Playbook(gameId, definition.code(), definition.type(), definition.title(),
                    definition.notice(), now);
            definition.steps().forEach(s -> playbook.add(
                    new PlaybookStep(s.title(), s.instructions(), s.data(), s.action(), s.windowHours()), now));
            playbooks.save(playbook);
        }
        playbooks.flush();
    }
}
