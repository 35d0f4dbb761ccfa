package org.playerdesk.automation;

import java.util.List;

/**
 * What a ticket must be like for an event rule to act; every condition given must hold, an empty
 * one holds always. Channels, types, priorities and statuses are codes (any of them matches);
 * {@code tagsPresent} must all be on the ticket and {@code tagsAbsent} none; {@code words}: any
 * of them in the subject or the message that triggered the rule (for other triggers, the
 * player's first message); {@code vipTiers}: the player's VIP tier is one of them;
 * {@code hourFrom}..{@code hourTo}: the hour of the day (0–23, in the configured time zone,
 * {@code hourTo} included; from 22 to 6 spans midnight).
 */
public record RuleConditions(List<String> channels, List<String> types, List<String> priorities,
        List<String> statuses, List<String> tagsPresent, List<String> tagsAbsent, List<String> words,
        List<String> vipTiers, Integer hourFrom, Integer hourTo) {

    public static final RuleConditions ANY = new RuleConditions(null, null, null, null, null, null, null, null, null,
            null);

    public RuleConditions {
        channels = copy(channels);
        types = copy(types);
        priorities = copy(priorities);
        statuses = copy(statuses);
        tagsPresent = copy(tagsPresent);
        tagsAbsent = copy(tagsAbsent);
        words = copy(words);
        vipTiers = copy(vipTiers);
    }

    private static List<String> copy(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }
}
