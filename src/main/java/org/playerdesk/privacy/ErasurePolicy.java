package org.playerdesk.privacy;

import java.util.Map;

/** The erasure rule of each data kind; a kind without one is anonymised. */
public record ErasurePolicy(Map<String, ErasureRule> rules) {

    public ErasureRule rule(String kind) {
        return rules.getOrDefault(kind, new ErasureRule(Treatment.ANONYMISE, null));
    }
}
