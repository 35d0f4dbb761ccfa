package org.playerdesk.enforcement;

import java.util.UUID;

import org.playerdesk.enforcement.internal.ViolationType;
import org.playerdesk.enforcement.internal.ViolationTypeRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gives a game the shipped violation types, in a transaction of its own, so that two first uses of
 * a game at once leave one set and no failed caller (the loser's insert is rolled back alone).
 */
@Component
class ViolationTypeSeeder {

    private final ViolationTypeRepository types;

    ViolationTypeSeeder(ViolationTypeRepository types) {
        this.types = types;
    }

    /**
     * Adds the shipped types the game does not have yet: all on first use, and a type shipped later
     * (such as scamming) to games that started before it. Types are never deleted, so a missing
     * code was never seeded.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void seed(UUID gameId, boolean chinese) {
        java.util.Set<String> present = new java.util.HashSet<>();
        types.findByGameIdOrderByCode(gameId).forEach(t -> present.add(t.view().code()));
        for (DefaultLadders.Definition d : DefaultLadders.ALL) {
            if (present.contains(d.code())) {
                continue;
            }
            ViolationType type = new ViolationType(gameId, d.code(), chinese ? d.chinese() : d.english());
            type.define(chinese ? d.chinese() : d.english(), d.ladder(), d.partnerLadder());
            type.startAt(d.starts());
            types.save(type);
        }
        types.flush();
    }
}
