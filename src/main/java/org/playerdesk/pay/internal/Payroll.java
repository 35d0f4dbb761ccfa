package org.playerdesk.pay.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.pay.internal.PayCalculation.AgentPay;
import org.playerdesk.pay.internal.PayCalculation.MonthPay;
import org.playerdesk.pay.internal.PayCalculation.Reviewed;
import org.playerdesk.pay.internal.PayCalculation.Team;
import org.playerdesk.pay.internal.PayCalculation.TeamPay;
import org.playerdesk.review.MonthlyReviews;
import org.playerdesk.review.Review;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A month's pay as a reader may see it: computed from the reviews that count (shared with the
 * agent) of the month and its quarter, the teams as they are now, and the rules in force in each
 * month. An agent sees their own line; a team's lead their members' and the team's awards; those
 * with {@link Permission#VIEW_PAY} everyone's. Every agent's pay shown is written to the audit log
 * ({@code pay.view}, one entry per agent), in the same transaction as the reading.
 */
@Service
@Transactional
class Payroll {

    /** One agent's line: who, and their pay. */
    record Line(UUID agentId, String name, String username, AgentPay pay) {
    }

    /** The month as the reader sees it. */
    record Sheet(YearMonth month, PayRules rules, boolean quarterEnd, LocalDate payday, String currency,
            List<Line> lines, List<TeamPay> teams) {
    }

    /** The quarter's rankings: agents by performance pay (with mean result and months reviewed), teams by awards. */
    record Ranking(YearMonth quarterStart, List<RankedAgent> agents, List<RankedTeam> teams) {
    }

    record RankedAgent(UUID agentId, String name, long performance, long meanResult, long months, boolean picked) {
    }

    record RankedTeam(UUID teamId, String name, long awards, boolean picked) {
    }

    private final MonthlyReviews reviews;
    private final PayRulesStore rules;
    private final Excellence excellence;
    private final Teams teams;
    private final StaffDirectory staff;
    private final AuditLog audit;
    private final String currency;

    Payroll(MonthlyReviews reviews, PayRulesStore rules, Excellence excellence, Teams teams, StaffDirectory staff,
            AuditLog audit, @Value("${playerdesk.pay.currency:CNY}") String currency) {
        this.reviews = reviews;
        this.rules = rules;
        this.excellence = excellence;
        this.teams = teams;
        this.staff = staff;
        this.audit = audit;
        this.currency = currency;
    }

    String currency() {
        return currency;
    }

    YearMonth thisMonth() {
        return reviews.thisMonth();
    }

    /** Whether the reader sees every agent's pay. */
    static boolean seesAll(StaffMember reader) {
        return reader.can(Permission.VIEW_PAY);
    }

    /** Whether the reader sees this agent's pay: their own, their team's lead, or with the pay permission. */
    boolean sees(StaffMember reader, UUID agentId) {
        return reader.id().equals(agentId) || seesAll(reader)
                || teams.ledBy(reader.id()).stream().anyMatch(t -> t.memberIds().contains(agentId));
    }

    /** The month as the reader may see it: every line they may, or only {@code agentId}'s when given. */
    Sheet month(YearMonth month, UUID agentId, StaffMember reader) {
        if (agentId != null && !sees(reader, agentId)) {
            throw new AccessDeniedException("pay is seen by the agent, their lead and those with the pay permission");
        }
        PayCalculation.Inputs in = inputs(month);
        MonthPay pay = PayCalculation.compute(in);
        Map<UUID, StaffMember> people = staff.byIds(in.agents());
        List<Line> lines = new ArrayList<>();
        // the teams the reader leads read once, not once per line
        Set<UUID> members = new java.util.HashSet<>();
        teams.ledBy(reader.id()).forEach(t -> members.addAll(t.memberIds()));
        for (AgentPay line : pay.agents()) {
            UUID id = line.agentId();
            boolean shown = agentId == null ? id.equals(reader.id()) || seesAll(reader) || members.contains(id)
                    : agentId.equals(id);
            if (shown) {
                StaffMember member = people.get(line.agentId());
                lines.add(new Line(line.agentId(), member.displayName(), member.username(), line));
                audit.record(reader, null, "pay.view", "staff", line.agentId().toString(), month.toString());
            }
        }
        Set<UUID> led = new java.util.HashSet<>(teams.ledBy(reader.id()).stream().map(TeamView::id).toList());
        List<TeamPay> teamLines = pay.teams().stream()
                .filter(t -> agentId == null && (seesAll(reader) || led.contains(t.teamId()))).toList();
        return new Sheet(month, pay.rules(), pay.quarterEnd(), pay.payday(), currency, lines, teamLines);
    }

    /** The quarter's rankings that help a lead pick the excellent employee and team; with the pay permission only. */
    Ranking ranking(YearMonth month, StaffMember reader) {
        if (!seesAll(reader)) {
            throw new AccessDeniedException("rankings are for those with the pay permission");
        }
        PayCalculation.Inputs in = inputs(month);
        YearMonth start = PayCalculation.quarter(month).getFirst();
        Map<UUID, StaffMember> people = staff.byIds(in.agents());
        List<RankedAgent> agents = PayCalculation.rankAgents(in).stream()
                .map(e -> new RankedAgent(e.getKey(), name(people, e.getKey()), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2], in.excellentAgents().contains(e.getKey())))
                .toList();
        List<RankedTeam> ranked = PayCalculation.rankTeams(in).stream()
                .map(e -> new RankedTeam(e.getKey().id(), e.getKey().name(), e.getValue(),
                        in.excellentTeams().contains(e.getKey().id())))
                .toList();
        audit.record(reader, null, "pay.ranking", "quarter", start.toString(), agents.size() + " agents");
        return new Ranking(start, agents, ranked);
    }

    /** A lead with the pay permission picks (or takes back) the quarter's excellent employee or team. */
    void pick(YearMonth month, Excellence.Kind kind, UUID subject, boolean picked, StaffMember by) {
        if (!seesAll(by)) {
            throw new AccessDeniedException("the excellent employee and team are picked with the pay permission");
        }
        excellence.pick(PayCalculation.quarter(month).getFirst(), kind, subject, picked, by);
    }

    /** What the month is computed from: the quarter's counted reviews and the month before it, teams, picks. */
    PayCalculation.Inputs inputs(YearMonth month) {
        List<YearMonth> quarter = PayCalculation.quarter(month);
        // the month before the quarter too: the improvement award of the quarter's first month compares with it
        YearMonth from = quarter.getFirst().minusMonths(1);
        Map<YearMonth, Map<UUID, Reviewed>> counted = new HashMap<>();
        Set<UUID> agents = new LinkedHashSet<>();
        for (Review review : reviews.counted(from, quarter.getLast())) {
            counted.computeIfAbsent(review.month(), m -> new HashMap<>()).put(review.agentId(),
                    new Reviewed(review.agentId(), review.month(), review.result(), review.bonusPoints()));
            if (review.month().equals(month)) {
                agents.add(review.agentId());
            }
        }
        staff.all().stream().filter(m -> m.enabled() && !m.role().leads() && m.can(Permission.WORK_TICKETS))
                .forEach(m -> agents.add(m.id()));
        List<TeamView> all = teams.all();
        all.forEach(t -> agents.addAll(t.memberIds()));
        Map<UUID, StaffMember> people = staff.byIds(agents);
        Comparator<UUID> byName = Comparator.comparing((UUID id) -> name(people, id)).thenComparing(id -> id);
        List<UUID> ordered = agents.stream().filter(people::containsKey).sorted(byName).toList();
        List<Team> teamInputs = all.stream()
                .map(t -> new Team(t.id(), t.name(), t.memberIds().stream().filter(people::containsKey).sorted(byName).toList()))
                .toList();
        List<PayRules> versions = rules.versions();
        YearMonth start = quarter.getFirst();
        return new PayCalculation.Inputs(month, m -> PayRulesStore.inForce(versions, m), ordered, teamInputs, counted,
                excellence.picked(start, Excellence.Kind.EMPLOYEE), excellence.picked(start, Excellence.Kind.TEAM));
    }

    private static String name(Map<UUID, StaffMember> people, UUID id) {
        StaffMember member = people.get(id);
        return member == null ? "" : member.displayName();
    }
}
