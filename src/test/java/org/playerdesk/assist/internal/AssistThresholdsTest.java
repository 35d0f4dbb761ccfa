package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;

/** A threshold is a share from 0 to 1; anything else, including text that is no number, is refused by field. */
class AssistThresholdsTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    private static Map<String, String> refused(String bot, String apply) {
        return FACTORY.getValidator().validate(AssistSettings.Thresholds.read(bot, apply)).stream()
                .collect(Collectors.toMap(v -> v.getPropertyPath().toString(), ConstraintViolation::getMessageTemplate));
    }

    @Test
    void sharesFromZeroToOnePass() {
        assertThat(refused("0", " 1 ")).isEmpty();
        assertThat(refused("0.5", "0.95")).isEmpty();
    }

    @Test
    void outOfRangeAndNonNumbersAreRefusedFieldByField() {
        assertThat(refused("2", "x")).containsOnly(
                Map.entry("botThreshold", "{invalid.range.between}"),
                Map.entry("applyThreshold", "{invalid.range.between}"));
        assertThat(refused("-0.1", null)).containsOnlyKeys("botThreshold", "applyThreshold");
        assertThat(refused("NaN", "Infinity")).containsOnlyKeys("botThreshold", "applyThreshold");
    }
}
