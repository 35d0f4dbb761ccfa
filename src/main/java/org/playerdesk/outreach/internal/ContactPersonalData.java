package org.playerdesk.outreach.internal;

import java.util.List;
import java.util.Map;

import org.playerdesk.privacy.DataSubject;
import org.playerdesk.privacy.ErasurePolicy;
import org.playerdesk.privacy.ExportRows;
import org.playerdesk.privacy.ExportSink;
import org.playerdesk.privacy.PersonalDataHolder;
import org.playerdesk.privacy.Treatment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A player's contact preferences (phone number, language, time zone, opt-outs per channel),
 * exported and erased for their data requests: deleted, or anonymised (the phone number goes, the
 * opt-outs stay so that the player is not contacted again).
 */
@Component
class ContactPersonalData implements PersonalDataHolder {

    static final String CONTACTS = "contact-preferences";

    private final JdbcClient jdbc;

    ContactPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        List<Map<String, Object>> rows = jdbc.sql("select phone, locale, time_zone, email_opt_out, in_game_opt_out, "
                + "sms_opt_out, updated_at from outreach_contact where player_id = ?").param(subject.playerId())
                .query(ExportRows.MAPPER).list();
        sink.rows(CONTACTS, rows);
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        Treatment treatment = policy.rule(CONTACTS).treatment();
        int done = switch (treatment) {
            case KEEP -> 0;
            case DELETE -> jdbc.sql("delete from outreach_contact where player_id = ?").param(subject.playerId()).update();
            case ANONYMISE -> jdbc.sql("update outreach_contact set phone = null where player_id = ? and phone is not null")
                    .param(subject.playerId()).update();
        };
        return Map.of(CONTACTS, done);
    }
}
