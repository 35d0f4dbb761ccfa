package org.playerdesk.system.validation;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.errors.InvalidInput.FieldError;

/** Checking input field by field, and answering with every bad field at once. */
class FieldErrorsTest {

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

    FieldErrors errors = new FieldErrors();

    @Test
    void stripsAcceptedValues() {
        assertThat(errors.line("subject", "  充值没有到账 \t", 10, true)).isEqualTo("充值没有到账");
        assertThat(errors.line("subject", "  abc  ", 3, true)).as("the limit counts the stripped text").isEqualTo("abc");
        assertThat(errors.isEmpty()).isTrue();
    }

    @Test
    void refusesBlankRequiredValuesAndIgnoresBlankOptionalOnes() {
        assertThat(errors.line("subject", "   ", 10, true)).isNull();
        assertThat(errors.text("message", null, 10, true)).isNull();
        assertThat(errors.line("nickname", " ", 10, false)).isNull();
        assertThat(errors.text("note", null, 10, false)).isNull();

        assertThat(failures()).containsExactly(new FieldError("subject", "invalid.blank"),
                new FieldError("message", "invalid.blank"));
    }

    @Test
    void refusesTooLongValues() {
        assertThat(errors.line("subject", "x".repeat(11), 10, true)).isNull();
        assertThat(failures()).containsExactly(new FieldError("subject", "invalid.tooLong", 10));
    }

    @Test
    void linesRefuseLineBreaksButTextsKeepThem() {
        assertThat(errors.line("subject", "first\nsecond", 100, true)).isNull();
        assertThat(errors.text("message", "first\r\nsecond\n\tthird", 100, true)).isEqualTo("first\r\nsecond\n\tthird");
        assertThat(failures()).containsExactly(new FieldError("subject", "invalid.control"));
    }

    @Test
    void refusesControlCharactersAndLoneSurrogates() {
        errors.text("message", "hello\u0000world", 100, true);
        errors.text("comment", "broken \ud83d text", 100, true);
        errors.line("nickname", "\u001b[31mred", 100, false);

        assertThat(failures()).extracting(FieldError::field).containsExactly("message", "comment", "nickname");
        assertThat(failures()).extracting(FieldError::key).containsOnly("invalid.control");
    }

    @Test
    void parsesCodesAndNamesTheValidOnesWhenWrong() {
        assertThat(errors.code("mood", "angry", Mood.class, null)).isEqualTo(Mood.ANGRY);
        assertThat(errors.code("mood", null, Mood.class, Mood.CALM)).isEqualTo(Mood.CALM);
        assertThat(errors.isEmpty()).isTrue();

        assertThat(errors.code("mood", "ANGRY", Mood.class, null)).as("codes are exact").isNull();
        assertThat(errors.code("mood2", " ", Mood.class, null)).isNull();

        assertThat(failures()).containsExactly(
                new FieldError("mood", "invalid.unknownCode", "ANGRY", "calm, angry"),
                new FieldError("mood2", "invalid.choose", "calm, angry"));
    }

    @Test
    void shortensEchoedUnknownCodes() {
        errors.code("mood", "z".repeat(500), Mood.class, null);
        assertThat(failures()).singleElement().satisfies(error -> assertThat(error.arguments().getFirst())
                .isEqualTo("z".repeat(39) + "…"));
    }

    @Test
    void throwsEveryErrorAtOnceInOrder() {
        assertThatNoException().isThrownBy(errors::throwIfAny);

        errors.line("subject", "", 5, true);
        errors.add("files", "invalid.tooManyFiles", 5);
        errors.line("nickname", "ok", 5, false);

        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("subject", "files");
            assertThat(e.getMessage()).isEqualTo("subject: invalid.blank; files: invalid.tooManyFiles [5]");
        });
    }

    private java.util.List<FieldError> failures() {
        try {
            errors.throwIfAny();
        } catch (InvalidInput e) {
            return e.errors();
        }
        return java.util.List.of();
    }
}
