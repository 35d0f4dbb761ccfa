package org.playerdesk.playbook.internal;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a game the shipped procedures, in a transaction of its own: when two first views of a
 * game race, one seeds and the other's insert meets the unique code (or waits on the first's lock)
 * and is rolled back alone, leaving its caller's transaction untouched; the caller looks again
 * ({@code ConflictRetry}) and finds the procedures there.
 */
@Component
public class PlaybookSeeder {

    private final PlaybookRepository playbooks;

    PlaybookSeeder(PlaybookRepository playbooks) {
        this.playbooks = playbooks;
    }

    /**
     * Adds the shipped procedures the game does not have yet: all of them on first use, and a
     * procedure shipped later (such as the scam procedure) to games that started before it.
     * Procedures are never deleted, so a missing code was never seeded.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void seed(UUID gameId, boolean chinese, Instant now) {
        java.util.Set<String> present = new java.util.HashSet<>();
        playbooks.findByGameIdOrderByCode(gameId).forEach(p -> present.add(p.view().code()));
        for (DefaultPlaybooks.Definition definition : DefaultPlaybooks.of(chinese)) {
            if (present.contains(definition.code())) {
                continue;
            }
            Playbook playbook = new Playbook(gameId, definition.code(), definition.type(), definition.title(),
                    definition.notice(), now);
            definition.steps().forEach(s -> playbook.add(
                    new PlaybookStep(s.title(), s.instructions(), s.data(), s.action(), s.windowHours()), now));
            playbooks.save(playbook);
        }
        playbooks.flush();
    }
}
