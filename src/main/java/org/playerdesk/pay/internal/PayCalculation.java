package org.playerdesk.pay.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The pay of one month, by the seed's scheme (游戏客服提成奖励制度), with no database and no Spring:
 * each month's amounts with the rules in force that month.
 * <ul>
 * <li>Individual: base salary + performance pay (the band the month's result reaches) + bonus (the
 * lead's marks for quality, satisfaction and teamwork, out of 15, of the rules' full bonus); in a
 * quarter's last month, an excellent employee gets a share (20%) of their quarter's performance pay.
 * <li>Team: the team's results are its members' performance pay added up; the team performance
 * award is a share of them; the improvement award a share (10%) of the gain over the previous
 * month, when the previous month had reviewed members and the results rose; in a quarter's last
 * month, an excellent team gets a share (20%) of its quarter's team performance awards. A team's
 * awards are split evenly among its members (the fen left over go to the first, by name).
 * </ul>
 * Every share is rounded half up to the fen.
 */
final class PayCalculation {

    /** An agent's shared review of a month: its result (out of 100) and the bonus marks added up. */
    record Reviewed(UUID agentId, YearMonth month, int result, int bonusPoints) {
    }

    /** A team and its members, in the order the fen left over of a split go (by name). */
    record Team(UUID id, String name, List<UUID> members) {
    }

    /** What the month is computed from. {@code rules}: the rules in force in a month. */
    record Inputs(YearMonth month, Function<YearMonth, PayRules> rules, List<UUID> agents, List<Team> teams,
            Map<YearMonth, Map<UUID, Reviewed>> reviews, Set<UUID> excellentAgents, Set<UUID> excellentTeams) {

        Reviewed review(YearMonth when, UUID agent) {
            return reviews.getOrDefault(when, Map.of()).get(agent);
        }
    }

    /** One agent's pay of the month, in fen. */
    record AgentPay(UUID agentId, boolean reviewed, Integer result, long base, long performance, long bonus,
            long excellentEmployee, long teamAward, long teamImprovement, long excellentTeam) {

        long total() {
            return base + performance + bonus + excellentEmployee + teamAward + teamImprovement + excellentTeam;
        }
    }

    /** One team's awards of the month, in fen, before they are split. */
    record TeamPay(UUID teamId, String name, long results, Long previousResults, long award, long improvement,
            long excellent) {

        long total() {
            return award + improvement + excellent;
        }
    }

    /** The month: the rules it was computed with, every agent's pay, every team's awards, and payday. */
    record MonthPay(YearMonth month, PayRules rules, boolean quarterEnd, List<AgentPay> agents, List<TeamPay> teams,
            LocalDate payday) {
    }

    private PayCalculation() {
    }

    static MonthPay compute(Inputs in) {
        YearMonth month = in.month();
        PayRules rules = in.rules().apply(month);
        boolean quarterEnd = quarterEnd(month);
        List<YearMonth> quarter = quarter(month);

        Map<UUID, long[]> teamShares = new HashMap<>();
        List<TeamPay> teams = new ArrayList<>();
        for (Team team : in.teams()) {
            long results = results(in, team, month);
            boolean previousReviewed = team.members().stream().anyMatch(m -> in.review(month.minusMonths(1), m) != null);
            Long previous = previousReviewed ? results(in, team, month.minusMonths(1)) : null;
            long award = PayRules.share(results, rules.teamAwardBp());
            long improvement = previous != null && results > previous
                    ? PayRules.share(results - previous, rules.teamImprovementBp()) : 0;
            long excellent = 0;
            if (quarterEnd && in.excellentTeams().contains(team.id())) {
                long quarterAwards = 0;
                for (YearMonth m : quarter) {
                    quarterAwards += PayRules.share(results(in, team, m), in.rules().apply(m).teamAwardBp());
                }
                excellent = PayRules.share(quarterAwards, rules.excellentTeamBp());
            }
            teams.add(new TeamPay(team.id(), team.name(), results, previous, award, improvement, excellent));
            split(team.members(), award, 0, teamShares);
            split(team.members(), improvement, 1, teamShares);
            split(team.members(), excellent, 2, teamShares);
        }

        List<AgentPay> agents = new ArrayList<>();
        for (UUID agent : in.agents()) {
            Reviewed review = in.review(month, agent);
            long performance = performance(in, agent, month);
            long bonus = review == null ? 0 : rules.bonus(review.bonusPoints());
            long excellent = 0;
            if (quarterEnd && in.excellentAgents().contains(agent)) {
                long quarterPerformance = 0;
                for (YearMonth m : quarter) {
                    quarterPerformance += performance(in, agent, m);
                }
                excellent = PayRules.share(quarterPerformance, rules.excellentEmployeeBp());
            }
            long[] shares = teamShares.getOrDefault(agent, new long[3]);
            agents.add(new AgentPay(agent, review != null, review == null ? null : review.result(),
                    rules.baseSalary(), performance, bonus, excellent, shares[0], shares[1], shares[2]));
        }
        return new MonthPay(month, rules, quarterEnd, agents, teams, payday(month));
    }

    /** The agent's performance pay of a month, with that month's rules; nothing without a shared review. */
    static long performance(Inputs in, UUID agent, YearMonth month) {
        Reviewed review = in.review(month, agent);
        return review == null ? 0 : in.rules().apply(month).performancePay(review.result());
    }

    /** A team's results of a month: its members' performance pay added up. */
    static long results(Inputs in, Team team, YearMonth month) {
        long sum = 0;
        for (UUID member : team.members()) {
            sum += performance(in, member, month);
        }
        return sum;
    }

    /** Splits an amount evenly among the members; the fen left over go one each to the first. */
    private static void split(List<UUID> members, long amount, int slot, Map<UUID, long[]> shares) {
        if (members.isEmpty() || amount == 0) {
            return;
        }
        long each = amount / members.size();
        long left = amount % members.size();
        for (int i = 0; i < members.size(); i++) {
            shares.computeIfAbsent(members.get(i), k -> new long[3])[slot] += each + (i < left ? 1 : 0);
        }
    }

    static boolean quarterEnd(YearMonth month) {
        return month.getMonthValue() % 3 == 0;
    }

    /** The months of the quarter of {@code month}, in order. */
    static List<YearMonth> quarter(YearMonth month) {
        YearMonth first = month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
        return List.of(first, first.plusMonths(1), first.plusMonths(2));
    }

    /** Payday (第八条): the month's last working day, Monday to Friday (public holidays are not known here). */
    static LocalDate payday(YearMonth month) {
        LocalDate day = month.atEndOfMonth();
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The quarter's ranking of agents: their quarter's performance pay, then mean result, highest first. */
    static List<Map.Entry<UUID, long[]>> rankAgents(Inputs in) {
        Map<UUID, long[]> figures = new LinkedHashMap<>();
        for (UUID agent : in.agents()) {
            long performance = 0;
            long results = 0;
            long months = 0;
            for (YearMonth m : quarter(in.month())) {
                performance += performance(in, agent, m);
                Reviewed review = in.review(m, agent);
                if (review != null) {
                    results += review.result();
                    months++;
                }
            }
            if (months > 0) {
                figures.put(agent, new long[] { performance, Math.round((double) results / months), months });
            }
        }
        List<Map.Entry<UUID, long[]>> ranked = new ArrayList<>(figures.entrySet());
        ranked.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : Long.compare(b.getValue()[1], a.getValue()[1]));
        return ranked;
    }

    /** The quarter's ranking of teams: their quarter's team performance awards, highest first. */
    static List<Map.Entry<Team, Long>> rankTeams(Inputs in) {
        List<Map.Entry<Team, Long>> ranked = new ArrayList<>();
        for (Team team : in.teams()) {
            long awards = 0;
            for (YearMonth m : quarter(in.month())) {
                awards += PayRules.share(results(in, team, m), in.rules().apply(m).teamAwardBp());
            }
            ranked.add(Map.entry(team, awards));
        }
        ranked.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        return ranked;
    }
}
