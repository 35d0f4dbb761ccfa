package org.playerdesk.system.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which characters a person can have meant to type. */
class TextsTest {

    @ParameterizedTest
    @ValueSource(strings = { "充值没有到账", "Refund please!", "emoji 😀 ok", "全角　空格", "tab\tinside" })
    void acceptsWhatPeopleType(String text) {
        assertThat(Texts.hasForbiddenControl(text, true)).isFalse();
    }

    @Test
    void linesMayNotBreakButTextsMay() {
        for (String breaking : new String[] { "a\nb", "a\r\nb", "a\tb" }) {
            assertThat(Texts.hasForbiddenControl(breaking, false)).as("single line %s", breaking).isTrue();
            assertThat(Texts.hasForbiddenControl(breaking, true)).as("multiline %s", breaking).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "nul\u0000", "bell\u0007", "escape\u001b[31m", "delete\u007f", "vertical\u000btab",
            "form\u000cfeed" })
    void refusesControlCharactersEvenInTexts(String text) {
        assertThat(Texts.hasForbiddenControl(text, true)).isTrue();
        assertThat(Texts.hasForbiddenControl(text, false)).isTrue();
    }

    @Test
    void refusesLoneSurrogates() {
        String emoji = "😀";
        char high = emoji.charAt(0);
        char low = emoji.charAt(1);
        assertThat(Texts.hasForbiddenControl("end " + high, true)).as("high surrogate at the end").isTrue();
        assertThat(Texts.hasForbiddenControl(high + "x", true)).as("high surrogate before a letter").isTrue();
        assertThat(Texts.hasForbiddenControl("x" + low, true)).as("low surrogate alone").isTrue();
        assertThat(Texts.hasForbiddenControl("" + low + high, true)).as("pair in the wrong order").isTrue();
        assertThat(Texts.hasForbiddenControl("" + high + low, true)).as("a real pair").isFalse();
    }

    @Test
    void abbreviatesWithAnEllipsis() {
        assertThat(Texts.abbreviate("short", 10)).isEqualTo("short");
        assertThat(Texts.abbreviate("0123456789abc", 10)).isEqualTo("012345678…").hasSize(10);
        assertThat(Texts.abbreviate(null, 10)).isNull();
    }
}
