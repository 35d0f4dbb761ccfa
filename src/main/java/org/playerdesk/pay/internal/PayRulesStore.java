package org.playerdesk.pay.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the pay rules ({@code pay_rules}). A new version is in force from the first day
 * of the month it names until the next version's; versions are never changed, so a month is always
 * computed with the rules it was computed with before. Only this month or a later one may be given
 * new rules; a version for a month that has one already (not yet gone by) replaces it.
 */
@Service
@Transactional
class PayRulesStore {

    /** The rules as written on the form: amounts in yuan ("4000.00"), percentages ("20"), bands "90:1500" a line. */
    record RulesForm(String from, String baseSalary, String bands, String bonusMax, String excellentEmployee,
            String teamAward, String teamImprovement, String excellentTeam) {
    }

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PayRulesStore(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every version, newest first. */
    @Transactional(readOnly = true)
    List<PayRules> versions() {
        return jdbc.query("select id, version, effective_from, base_salary, performance_bands, bonus_max, "
                + "excellent_employee_bp, team_award_bp, team_improvement_bp, excellent_team_bp from pay_rules "
                + "order by effective_from desc, version desc", PayRulesStore::rules);
    }

    /** Finds the rules in force in a month among these versions (newest first). */
    static PayRules inForce(List<PayRules> versions, YearMonth month) {
        return versions.stream().filter(r -> !r.from().isAfter(month)).findFirst()
                .orElse(versions.isEmpty() ? null : versions.getLast());
    }

    /**
     * Adds a version, in force from the form's month, this month or later (a month gone by keeps
     * the rules it had); checked field by field.
     */
    PayRules add(RulesForm form, YearMonth thisMonth, StaffMember by) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        YearMonth from = null;
        try {
            from = YearMonth.parse(form.from() == null ? "" : form.from().strip());
        } catch (java.time.format.DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError("from", "invalid.pay.month"));
        }
        if (from != null && from.isBefore(thisMonth)) {
            errors.add(new InvalidInput.FieldError("from", "invalid.pay.past", thisMonth.toString()));
        }
        Long base = amount("baseSalary", form.baseSalary(), errors);
        List<PayRules.Band> bands = bands(form.bands(), errors);
        Long bonus = amount("bonusMax", form.bonusMax(), errors);
        Integer employee = percent("excellentEmployee", form.excellentEmployee(), errors);
        Integer team = percent("teamAward", form.teamAward(), errors);
        Integer improvement = percent("teamImprovement", form.teamImprovement(), errors);
        Integer excellentTeam = percent("excellentTeam", form.excellentTeam(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from pay_rules", Integer.class);
        UUID id = Ids.next();
        jdbc.update("delete from pay_rules where effective_from = ?", from.atDay(1));
        PayRules rules = new PayRules(id, version, from, base, bands, bonus, employee, team, improvement, excellentTeam);
        jdbc.update("insert into pay_rules (id, version, effective_from, base_salary, performance_bands, bonus_max, "
                + "excellent_employee_bp, team_award_bp, team_improvement_bp, excellent_team_bp, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, version, from.atDay(1), base, rules.bandsText(), bonus,
                employee, team, improvement, excellentTeam, by.id(), Timestamp.from(clock.instant()));
        audit.record(by, null, "pay.rules", "pay_rules", id.toString(), "version " + version + " from " + from);
        return rules;
    }

    private static Long amount(String field, String text, List<InvalidInput.FieldError> errors) {
        Long fen = Money.parse(text);
        if (fen == null) {
            errors.add(new InvalidInput.FieldError(field, "invalid.pay.amount"));
        }
        return fen;
    }

    /** A percentage of up to two decimals from 0 to 100, as basis points. */
    private static Integer percent(String field, String text, List<InvalidInput.FieldError> errors) {
        Long hundredths = Money.parse(text);
        if (hundredths == null || hundredths > 10_000) {
            errors.add(new InvalidInput.FieldError(field, "invalid.pay.percent"));
            return null;
        }
        return hundredths.intValue();
    }

    /** Lines "lowest result:amount in yuan", results 0 to 100 each once. */
    private static List<PayRules.Band> bands(String text, List<InvalidInput.FieldError> errors) {
        List<PayRules.Band> bands = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (String line : (text == null ? "" : text).strip().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("[:：]");
            Long amount = parts.length == 2 ? Money.parse(parts[1]) : null;
            Integer lowest = null;
            try {
                lowest = parts.length == 2 ? Integer.valueOf(parts[0].strip()) : null;
            } catch (NumberFormatException e) {
                // reported below
            }
            if (amount == null || lowest == null || lowest < 0 || lowest > 100 || !seen.add(lowest)) {
                errors.add(new InvalidInput.FieldError("bands", "invalid.pay.bands"));
                return List.of();
            }
            bands.add(new PayRules.Band(lowest, amount));
        }
        if (bands.isEmpty() || bands.size() > 20) {
            errors.add(new InvalidInput.FieldError("bands", "invalid.pay.bands"));
        }
        return bands;
    }

    private static PayRules rules(ResultSet row, int n) throws SQLException {
        return new PayRules(row.getObject(1, UUID.class), row.getInt(2),
                YearMonth.from(row.getObject(3, LocalDate.class)), row.getLong(4),
                PayRules.parseBands(row.getString(5)), row.getLong(6), row.getInt(7), row.getInt(8), row.getInt(9),
                row.getInt(10));
    }
}
