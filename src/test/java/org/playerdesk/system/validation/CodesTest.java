package org.playerdesk.system.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.InvalidInput.FieldError;

/**
 * Reading a code as one of an enum's values, or of the codes a deployment configures, and naming
 * the valid codes when it is not one.
 */
class CodesTest {

    enum Mood implements Coded {
        CALM("calm"), ANGRY("angry");

        private final String code;

        Mood(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    private final List<FieldError> errors = new ArrayList<>();

    @Test
    void readsCodesAndGivesTheFallbackForNone() {
        assertThat(Codes.read("mood", "angry", Mood.class, null, errors)).isEqualTo(Mood.ANGRY);
        assertThat(Codes.read("mood", " calm ", Mood.class, null, errors)).as("around the code").isEqualTo(Mood.CALM);
        assertThat(Codes.read("mood", null, Mood.class, Mood.CALM, errors)).isEqualTo(Mood.CALM);
        assertThat(Codes.read("mood", "  ", Mood.class, Mood.ANGRY, errors)).isEqualTo(Mood.ANGRY);
        assertThat(errors).isEmpty();
    }

    @Test
    void namesTheValidCodesWhenNoneOrAnUnknownOneIsGiven() {
        assertThat(Codes.read("mood", "ANGRY", Mood.class, null, errors)).as("codes are exact").isNull();
        assertThat(Codes.read("mood2", " ", Mood.class, null, errors)).isNull();
        assertThat(Codes.read("mood3", "sad", Mood.class, Mood.CALM, errors)).as("the fallback, with the error")
                .isEqualTo(Mood.CALM);

        assertThat(errors).containsExactly(
                new FieldError("mood", "invalid.unknownCode", "ANGRY", "calm, angry"),
                new FieldError("mood2", "invalid.choose", "calm, angry"),
                new FieldError("mood3", "invalid.unknownCode", "sad", "calm, angry"));
    }

    @Test
    void shortensEchoedUnknownCodes() {
        Codes.read("mood", "z".repeat(500), Mood.class, null, errors);
        assertThat(errors).singleElement().satisfies(error -> assertThat(error.arguments().getFirst())
                .isEqualTo("z".repeat(39) + "…"));
    }

    @Test
    void readsConfiguredCodesTheSameWay() {
        List<String> tiers = List.of("normal", "silver", "gold");
        assertThat(Codes.read("vipTier", " gold ", tiers, null, errors)).isEqualTo("gold");
        assertThat(Codes.read("vipTier", " ", tiers, "normal", errors)).isEqualTo("normal");
        assertThat(errors).isEmpty();

        assertThat(Codes.read("vipTier", "platinum-" + "x".repeat(50), tiers, "normal", errors)).isEqualTo("normal");
        assertThat(Codes.read("minTier", null, tiers, null, errors)).isNull();
        assertThat(errors).containsExactly(
                new FieldError("vipTier", "invalid.unknownCode", "platinum-" + "x".repeat(30) + "…",
                        "normal, silver, gold"),
                new FieldError("minTier", "invalid.choose", "normal, silver, gold"));
    }

    @Test
    void requireThrowsWhatIsWrongAtOnce() {
        assertThat(Codes.require("mood", "calm", Mood.class)).isEqualTo(Mood.CALM);
        assertThatThrownBy(() -> Codes.require("mood", "", Mood.class)).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.errors()).containsExactly(new FieldError("mood", "invalid.choose", "calm, angry")));
    }
}
