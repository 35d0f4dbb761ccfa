package org.playerdesk.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** What an erasure rule keeps: everything with keep, what is newer than its days otherwise; no rule: anonymise. */
class ErasurePolicyTest {

    static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    @Test
    void aRuleKeepsWhatIsNewerThanItsDaysAndKeepKeepsEverything() {
        ErasureRule legal = new ErasureRule(Treatment.DELETE, NOW.minus(Duration.ofDays(1095)));
        assertThat(legal.keeps(NOW.minus(Duration.ofDays(10)))).isTrue();
        assertThat(legal.keeps(NOW.minus(Duration.ofDays(1096)))).isFalse();
        assertThat(new ErasureRule(Treatment.DELETE, null).keeps(NOW)).isFalse();
        assertThat(new ErasureRule(Treatment.KEEP, null).keeps(NOW.minus(Duration.ofDays(5000)))).isTrue();
    }

    @Test
    void aKindWithoutARuleIsAnonymised() {
        ErasurePolicy policy = new ErasurePolicy(Map.of("notes", new ErasureRule(Treatment.DELETE, null)));
        assertThat(policy.rule("notes").treatment()).isEqualTo(Treatment.DELETE);
        assertThat(policy.rule("unknown-kind").treatment()).isEqualTo(Treatment.ANONYMISE);
    }

    @Test
    void columnsAreNamedInCamelCase() {
        assertThat(ExportRows.camelCase("CONTACT_EMAIL")).isEqualTo("contactEmail");
        assertThat(ExportRows.camelCase("id")).isEqualTo("id");
    }
}
