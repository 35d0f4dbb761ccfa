package org.playerdesk.pay.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One version of the pay rules, in force from the first day of {@code from} until the next
 * version's. Amounts are in minor units (fen), percentages in basis points (2000 = 20%).
 *
 * @param baseSalary          the base salary (基本工资) of every agent
 * @param bands               performance pay (绩效工资) by the month's result, highest band first
 * @param bonusMax            the bonus (奖金) for full marks in quality, satisfaction and teamwork
 * @param excellentEmployeeBp the quarter's excellent employee: this share of their quarter's performance pay
 * @param teamAwardBp         the team performance award: this share of the members' performance pay
 * @param teamImprovementBp   the team improvement award: this share of the gain over the previous month
 * @param excellentTeamBp     the quarter's excellent team: this share of the quarter's team performance award
 */
record PayRules(UUID id, int version, YearMonth from, long baseSalary, List<Band> bands, long bonusMax,
        int excellentEmployeeBp, int teamAwardBp, int teamImprovementBp, int excellentTeamBp) {

    /** The most the three bonus marks (1 to 5 each) add up to. */
    static final int BONUS_POINTS = 15;

    /** A result of {@code lowest} or more (out of 100) earns {@code amount}. */
    record Band(int lowest, long amount) {
    }

    PayRules {
        bands = bands.stream().sorted(Comparator.comparingInt(Band::lowest).reversed()).toList();
    }

    /** The performance pay of a month's result: the highest band it reaches, nothing below them all. */
    long performancePay(int result) {
        return bands.stream().filter(b -> result >= b.lowest()).findFirst().map(Band::amount).orElse(0L);
    }

    /** The bonus for these marks (quality, satisfaction and teamwork added up, at most {@value #BONUS_POINTS}). */
    long bonus(int points) {
        return divideHalfUp(bonusMax * points, BONUS_POINTS);
    }

    /** {@code basisPoints} of {@code amount}, rounded half up to the fen. */
    static long share(long amount, int basisPoints) {
        return divideHalfUp(amount * basisPoints, 10_000);
    }

    static long divideHalfUp(long dividend, long divisor) {
        return Math.floorDiv(dividend * 2 + divisor, divisor * 2);
    }

    /** The bands as written on the rules page: one "lowest:amount" a line, amounts in fen. */
    String bandsText() {
        return String.join("\n", bands.stream().map(b -> b.lowest() + ":" + b.amount()).toList());
    }

    /** Reads bands written as {@link #bandsText()}; null when a line is not one. */
    static List<Band> parseBands(String text) {
        List<Band> bands = new ArrayList<>();
        for (String line : text.strip().split("\\R")) {
            String[] parts = line.strip().split(":");
            if (parts.length != 2) {
                return null;
            }
            try {
                bands.add(new Band(Integer.parseInt(parts[0].strip()), Long.parseLong(parts[1].strip())));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return bands;
    }
}
