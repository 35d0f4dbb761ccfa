package org.playerdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The seeded generators: the same seed draws the same inputs, and a failing try is reported with its seed and inputs. */
class HostileInputsTest {

    @Test
    void theSameSeedDrawsTheSameInputs() {
        assertThat(draws(new HostileInputs(7))).isEqualTo(draws(new HostileInputs(7)))
                .isNotEqualTo(draws(new HostileInputs(8)));
    }

    @Test
    void aFailingTryIsReportedWithItsSeedAndWhatItSent() {
        List<Long> seeds = new ArrayList<>();
        AssertionError failure = catchThrowableOfType(AssertionError.class, () -> HostileInputs.forEachTry(100, 5, random -> {
            seeds.add(random.seed());
            String text = random.input("text", seeds.size() == 3 ? "\u0000" + "x".repeat(500) : "fine");
            assertThat(text).isEqualTo("fine");
        }));

        assertThat(seeds).containsExactly(100L, 101L, 102L, 103L, 104L);
        assertThat(failure.getMessage()).contains("1 of 5 tries failed (base seed 100)")
                .contains("try 3, seed 102: text=\"\\u0000xxx").contains("(501 chars)")
                .contains("-Dplayerdesk.fuzz.seed=<its seed> -Dplayerdesk.fuzz.tries=1");
        assertThat(failure.getSuppressed()).hasSize(1);
    }

    @Test
    void describesInvisibleCharactersBytesAndMissingValues() {
        assertThat(HostileInputs.describe("a\ud800\u202e\"")).isEqualTo("\"a\\ud800\\u202e\\\"\"");
        assertThat(HostileInputs.describe(new byte[] { (byte) 0xc0, (byte) 0xaf })).isEqualTo("0xc0af");
        assertThat(HostileInputs.describe(java.util.Optional.empty())).isEqualTo("(none)");
        assertThat(HostileInputs.describe(List.of("x", java.util.Optional.of("y")))).isEqualTo("[\"x\", \"y\"]");
    }

    private static List<String> draws(HostileInputs random) {
        List<String> drawn = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            drawn.add(Nasty.text(random));
            drawn.add(Nasty.jsonValue(random));
        }
        return drawn;
    }
}
