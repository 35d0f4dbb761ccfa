package org.playerdesk.enforcement.internal;

import java.util.List;
import java.util.Locale;

import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.player.PlayerViolations;
import org.playerdesk.player.Violation;
import org.springframework.stereotype.Component;

/** The violations recorded here, for the player panel and the player page of the player module. */
@Component
class RecordedViolations implements PlayerViolations {

    private final Enforcement enforcement;

    RecordedViolations(Enforcement enforcement) {
        this.enforcement = enforcement;
    }

    @Override
    public List<Violation> of(PlayerSummary player) {
        return enforcement.history(player.gameId(), player.accountId()).stream()
                .map(v -> new Violation(v.recordedAt(), v.typeCode(),
                        v.typeName() + (v.note() == null ? "" : ": " + v.note()),
                        v.penalty().code() + (v.days() == null ? "" : " " + v.days()).toLowerCase(Locale.ROOT)))
                .toList();
    }
}
