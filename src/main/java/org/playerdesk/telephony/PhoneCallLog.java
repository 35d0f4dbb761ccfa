package org.playerdesk.telephony;

import java.time.LocalDateTime;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.telephony.internal.CallForm;
import org.playerdesk.telephony.internal.CallLog;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Calls logged for an agent by another module (the demo workspace), as the agent logs them at
 * {@code /console/calls}: the same checks, the same ticket and note.
 */
@Service
public class PhoneCallLog {

    /**
     * A call as an agent logs it: the caller's game account and number, the direction
     * ({@code inbound}, {@code outbound}), the start in the game's time zone, the length as
     * minutes or {@code m:ss}, the outcome's code, notes; {@code ticketNumber} null for a new ticket.
     */
    public record Call(String accountId, String phone, String direction, LocalDateTime startedAt, String duration,
            String outcome, Long ticketNumber, String notes) {
    }

    private final CallLog log;
    private final GameCatalog games;
    private final JdbcTemplate jdbc;

    PhoneCallLog(CallLog log, GameCatalog games, JdbcTemplate jdbc) {
        this.log = log;
        this.games = games;
        this.jdbc = jdbc;
    }

    /** Logs the call; the id of the ticket it went to. */
    public UUID log(UUID gameId, Call call, StaffMember agent) {
        GameInfo game = games.get(gameId);
        return log.log(new CallForm(null, game.code(), call.accountId(), call.phone(), call.direction(),
                call.startedAt() == null ? null : call.startedAt().toString(), call.duration(), call.outcome(),
                call.ticketNumber() == null ? null : String.valueOf(call.ticketNumber()), null, null, call.notes()),
                new StaffUser(agent, "")).ticket().id();
    }

    /** Whether any call of the game was logged or reported. */
    public boolean anyIn(UUID gameId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select count(*) > 0 from telephony_call where game_id = ?", Boolean.class, gameId));
    }
}
