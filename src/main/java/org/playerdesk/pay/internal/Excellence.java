package org.playerdesk.pay.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.entity.Ids;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The quarter's excellent employees and teams ({@code pay_excellence}): a lead picks them, or takes a pick back. */
@Service
@Transactional
class Excellence {

    enum Kind {
        EMPLOYEE, TEAM
    }

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Excellence(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Set<UUID> picked(YearMonth quarterStart, Kind kind) {
        return new HashSet<>(jdbc.queryForList("select subject_id from pay_excellence where quarter_start = ? and kind = ?",
                UUID.class, quarterStart.atDay(1), kind.name().toLowerCase()));
    }

    void pick(YearMonth quarterStart, Kind kind, UUID subject, boolean picked, StaffMember by) {
        jdbc.update("delete from pay_excellence where quarter_start = ? and kind = ? and subject_id = ?",
                quarterStart.atDay(1), kind.name().toLowerCase(), subject);
        if (picked) {
            jdbc.update("insert into pay_excellence (id, quarter_start, kind, subject_id, chosen_by, chosen_at) "
                    + "values (?, ?, ?, ?, ?, ?)", Ids.next(), quarterStart.atDay(1), kind.name().toLowerCase(), subject,
                    by.id(), Timestamp.from(clock.instant()));
        }
        audit.record(by, null, picked ? "pay.excellent" : "pay.excellent.undo", kind.name().toLowerCase(),
                subject.toString(), quarterStart.toString());
    }
}
