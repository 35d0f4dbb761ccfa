package org.playerdesk.sla.internal;

import java.sql.Timestamp;

import org.playerdesk.sla.PhoneAnswers;
import org.playerdesk.telephony.CallEvents.CallEnded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Measures each phone call the telephony module reports ended against its game's answer target
 * as it stands then ({@link PhoneAnswers}), once however often the event arrives.
 */
@Component
class PhoneAnswerClock {

    private final PhoneAnswers answers;
    private final JdbcTemplate jdbc;

    PhoneAnswerClock(PhoneAnswers answers, JdbcTemplate jdbc) {
        this.answers = answers;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(CallEnded call) {
        long target = answers.target(call.gameId()).toSeconds();
        boolean met = call.answered() && call.waitSeconds() <= target;
        boolean breached = !met && call.waitSeconds() > target;
        jdbc.update("insert into sla_phone_call (call_id, game_id, ended_at, wait_seconds, answered, met, breached) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", call.callId(), call.gameId(),
                Timestamp.from(call.at()), call.waitSeconds(), call.answered(), met, breached);
    }
}
