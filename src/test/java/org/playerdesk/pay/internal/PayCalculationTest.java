package org.playerdesk.pay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.playerdesk.pay.internal.PayCalculation.AgentPay;
import org.playerdesk.pay.internal.PayCalculation.MonthPay;
import org.playerdesk.pay.internal.PayCalculation.Reviewed;
import org.playerdesk.pay.internal.PayCalculation.Team;
import org.playerdesk.pay.internal.PayCalculation.TeamPay;

/**
 * The seed's pay scheme (游戏客服提成奖励制度) on a worked example, every figure checked by hand in
 * the comments: a team of two (Alice, Bob) over the first quarter of 2027, Alice the quarter's
 * excellent employee and the team its excellent team. Amounts in fen.
 */
class PayCalculationTest {

    static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BOB = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID TEAM = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final YearMonth JAN = YearMonth.of(2027, 1);
    static final YearMonth FEB = YearMonth.of(2027, 2);
    static final YearMonth MAR = YearMonth.of(2027, 3);

    /** The default rules: base 4,000.00; bands 90/80/70/60 → 1,500/1,000/600/300; bonus up to 800; 10% team award. */
    static final PayRules DEFAULTS = new PayRules(UUID.randomUUID(), 1, YearMonth.of(2000, 1), 400000,
            List.of(new PayRules.Band(90, 150000), new PayRules.Band(80, 100000), new PayRules.Band(70, 60000),
                    new PayRules.Band(60, 30000)),
            80000, 2000, 1000, 1000, 2000);

    // results and bonus marks (quality + satisfaction + teamwork, of 15) of each month
    final Map<YearMonth, Map<UUID, Reviewed>> reviews = new HashMap<>(Map.of(
            JAN, Map.of(ALICE, new Reviewed(ALICE, JAN, 92, 12), BOB, new Reviewed(BOB, JAN, 75, 9)),
            FEB, Map.of(ALICE, new Reviewed(ALICE, FEB, 85, 15), BOB, new Reviewed(BOB, FEB, 90, 10)),
            MAR, Map.of(ALICE, new Reviewed(ALICE, MAR, 95, 13), BOB, new Reviewed(BOB, MAR, 65, 6))));

    PayCalculation.Inputs inputs(YearMonth month, Function<YearMonth, PayRules> rules) {
        return new PayCalculation.Inputs(month, rules, List.of(ALICE, BOB),
                List.of(new Team(TEAM, "晚班", List.of(ALICE, BOB))), reviews, Set.of(ALICE), Set.of(TEAM));
    }

    @Test
    void aMonthWithTeamImprovement() {
        // performance pay: Jan Alice 92 → 1,500, Bob 75 → 600: team results 2,100.00;
        // Feb Alice 85 → 1,000, Bob 90 → 1,500: team results 2,500.00, a gain of 400.00
        MonthPay feb = PayCalculation.compute(inputs(FEB, m -> DEFAULTS));

        TeamPay team = feb.teams().getFirst();
        assertThat(team.results()).isEqualTo(250000);
        assertThat(team.previousResults()).isEqualTo(210000);
        assertThat(team.award()).isEqualTo(25000); // 10% of 2,500.00
        assertThat(team.improvement()).isEqualTo(4000); // 10% of the 400.00 gained
        assertThat(team.excellent()).isZero(); // not a quarter's last month
        assertThat(feb.quarterEnd()).isFalse();

        AgentPay alice = pay(feb, ALICE);
        assertThat(alice.base()).isEqualTo(400000);
        assertThat(alice.performance()).isEqualTo(100000);
        assertThat(alice.bonus()).isEqualTo(80000); // 15 of 15 marks: the full 800.00
        assertThat(alice.excellentEmployee()).isZero();
        assertThat(alice.teamAward()).isEqualTo(12500); // half of 250.00
        assertThat(alice.teamImprovement()).isEqualTo(2000); // half of 40.00
        assertThat(alice.total()).isEqualTo(400000 + 100000 + 80000 + 12500 + 2000);

        AgentPay bob = pay(feb, BOB);
        assertThat(bob.performance()).isEqualTo(150000);
        assertThat(bob.bonus()).isEqualTo(53333); // 800.00 × 10 / 15 = 533.333… → 533.33
        assertThat(bob.total()).isEqualTo(617833);
    }

    @Test
    void aQuarterWithAnExcellentEmployeeAndAnExcellentTeamAndAMonthWithoutImprovement() {
        MonthPay mar = PayCalculation.compute(inputs(MAR, m -> DEFAULTS));
        assertThat(mar.quarterEnd()).isTrue();

        // Mar Alice 95 → 1,500, Bob 65 → 300: results 1,800.00, below February's 2,500.00: no improvement award
        TeamPay team = mar.teams().getFirst();
        assertThat(team.results()).isEqualTo(180000);
        assertThat(team.award()).isEqualTo(18000);
        assertThat(team.improvement()).isZero();
        // the quarter's team awards 210.00 + 250.00 + 180.00 = 640.00; 20% of it is 128.00
        assertThat(team.excellent()).isEqualTo(12800);

        AgentPay alice = pay(mar, ALICE);
        assertThat(alice.performance()).isEqualTo(150000);
        assertThat(alice.bonus()).isEqualTo(69333); // 800.00 × 13 / 15 = 693.333… → 693.33
        // excellent employee: 20% of the quarter's performance pay 1,500 + 1,000 + 1,500 = 4,000.00
        assertThat(alice.excellentEmployee()).isEqualTo(80000);
        assertThat(alice.teamAward()).isEqualTo(9000);
        assertThat(alice.teamImprovement()).isZero();
        assertThat(alice.excellentTeam()).isEqualTo(6400);
        assertThat(alice.total()).isEqualTo(400000 + 150000 + 69333 + 80000 + 9000 + 6400);

        AgentPay bob = pay(mar, BOB);
        assertThat(bob.performance()).isEqualTo(30000);
        assertThat(bob.bonus()).isEqualTo(32000); // 800.00 × 6 / 15
        assertThat(bob.excellentEmployee()).isZero(); // not picked
        assertThat(bob.excellentTeam()).isEqualTo(6400);
        assertThat(bob.total()).isEqualTo(400000 + 30000 + 32000 + 9000 + 6400);

        // paid on the month's last working day: 31 March 2027 is a Wednesday
        assertThat(mar.payday()).isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void aMonthIsComputedWithTheRulesInForceThen() {
        // from March on: base 4,200.00, 90 and over earns 1,800.00, excellent employee 25%
        PayRules march = new PayRules(UUID.randomUUID(), 2, MAR, 420000,
                List.of(new PayRules.Band(90, 180000), new PayRules.Band(80, 100000), new PayRules.Band(70, 60000),
                        new PayRules.Band(60, 30000)),
                80000, 2500, 1000, 1000, 2000);
        Function<YearMonth, PayRules> inForce = m -> m.isBefore(MAR) ? DEFAULTS : march;

        MonthPay feb = PayCalculation.compute(inputs(FEB, inForce));
        assertThat(feb.rules().version()).isEqualTo(1);
        assertThat(pay(feb, ALICE).base()).isEqualTo(400000);
        assertThat(pay(feb, BOB).performance()).isEqualTo(150000); // 90 in February: the old band

        MonthPay mar = PayCalculation.compute(inputs(MAR, inForce));
        assertThat(mar.rules().version()).isEqualTo(2);
        AgentPay alice = pay(mar, ALICE);
        assertThat(alice.base()).isEqualTo(420000);
        assertThat(alice.performance()).isEqualTo(180000);
        // each month's performance pay with its own rules (1,500 + 1,000 + 1,800), 25% of it
        assertThat(alice.excellentEmployee()).isEqualTo(107500);
        // team awards 210.00 + 250.00 + 210.00 (10% of 1,800 + 300) = 670.00; 20%: 134.00
        assertThat(mar.teams().getFirst().excellent()).isEqualTo(13400);
    }

    @Test
    void withoutAReviewTheMonthIsBaseSalaryAndNoImprovementIsPaidAgainstAnUnreviewedMonth() {
        reviews.remove(JAN);
        MonthPay feb = PayCalculation.compute(inputs(FEB, m -> DEFAULTS));
        assertThat(feb.teams().getFirst().previousResults()).isNull();
        assertThat(feb.teams().getFirst().improvement()).isZero();

        reviews.put(FEB, Map.of(ALICE, new Reviewed(ALICE, FEB, 85, 15)));
        AgentPay bob = pay(PayCalculation.compute(inputs(FEB, m -> DEFAULTS)), BOB);
        assertThat(bob.reviewed()).isFalse();
        assertThat(bob.performance()).isZero();
        assertThat(bob.bonus()).isZero();
        assertThat(bob.teamAward()).isEqualTo(5000); // half of 10% of Alice's 1,000.00
    }

    @Test
    void aSplitGivesTheFenLeftOverToTheFirstMembersAndSharesRoundHalfUp() {
        UUID carol = UUID.randomUUID();
        reviews.put(JAN, Map.of(ALICE, new Reviewed(ALICE, JAN, 60, 3)));
        var in = new PayCalculation.Inputs(JAN, m -> DEFAULTS, List.of(ALICE, BOB, carol),
                List.of(new Team(TEAM, "晚班", List.of(ALICE, BOB, carol))), reviews, Set.of(), Set.of());
        MonthPay jan = PayCalculation.compute(in);
        // 10% of 300.00 = 30.00 = 3000 fen among three: 1000 each
        assertThat(jan.agents()).extracting(AgentPay::teamAward).containsExactly(1000L, 1000L, 1000L);
        assertThat(PayRules.share(5, 1000)).isEqualTo(1); // 0.5 fen → 1
        assertThat(PayRules.share(4, 1000)).isZero(); // 0.4 fen → 0
        assertThat(new PayRules(null, 1, JAN, 0, List.of(), 100, 0, 0, 0, 0).bonus(1)).isEqualTo(7); // 6.67 → 7

        var split = new PayCalculation.Inputs(JAN, m -> new PayRules(null, 1, JAN, 0,
                List.of(new PayRules.Band(0, 100)), 0, 0, 1000, 0, 0), List.of(ALICE, BOB, carol),
                List.of(new Team(TEAM, "晚班", List.of(ALICE, BOB, carol))),
                Map.of(JAN, Map.of(ALICE, new Reviewed(ALICE, JAN, 1, 0), BOB, new Reviewed(BOB, JAN, 1, 0))),
                Set.of(), Set.of());
        // results 2.00, award 0.20 = 20 fen among three: 7, 7, 6
        assertThat(PayCalculation.compute(split).agents()).extracting(AgentPay::teamAward)
                .containsExactly(7L, 7L, 6L);
    }

    private static AgentPay pay(MonthPay month, UUID agent) {
        return month.agents().stream().filter(a -> a.agentId().equals(agent)).findFirst().orElseThrow();
    }
}
