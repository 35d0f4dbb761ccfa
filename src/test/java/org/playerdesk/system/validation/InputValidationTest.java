package org.playerdesk.system.validation;

import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Bean Validation gives the same field errors as every other check: a message key and its
 * arguments (the constraint's attributes in the order of their names), in the order the command
 * declares its fields; the words come later, in the reader's language.
 */
class InputValidationTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

    private final InputValidation validation = new InputValidation(FACTORY.getValidator());

    record Report(
            @NotBlank(message = "{invalid.blank}") @Size(max = 10, message = "{invalid.tooLong}") @SingleLine
            String subject,
            @PlainText String message,
            @Size(min = 8, message = "{invalid.size.min}") String secret) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void aValidCommandPasses() {
        Report report = new Report("退款", "第一行\n第二行\t缩进", "long-enough");
        assertThat(validation.check(report)).isSameAs(report);
    }

    @Test
    void everyBadFieldIsNamedInTheOrderOfTheCommandWithItsKeyAndArguments() {
        assertThatThrownBy(() -> validation.check(new Report(" ", "响铃\u0007", "short")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).containsExactly(
                        new InvalidInput.FieldError("subject", "invalid.blank"),
                        new InvalidInput.FieldError("message", "invalid.control"),
                        new InvalidInput.FieldError("secret", "invalid.size.min", Integer.MAX_VALUE, 8)));
    }

    @Test
    void aSingleLineRefusesLineBreaksAndALengthIsNamedWithItsLimit() {
        assertThat(validation.errors(new Report("一\n二", null, null)))
                .containsExactly(new InvalidInput.FieldError("subject", "invalid.control"));
        assertThat(validation.errors(new Report("x".repeat(11), null, null)))
                .containsExactly(new InvalidInput.FieldError("subject", "invalid.tooLong", 10, 0));
    }

    @Test
    void theWordsComeInTheReadersLanguage() {
        ResourceBundleMessageSource bundles = new ResourceBundleMessageSource();
        bundles.setBasenames("i18n/validation");
        bundles.setDefaultEncoding("UTF-8");
        bundles.setFallbackToSystemLocale(false);
        ErrorTexts texts = new ErrorTexts(bundles);
        List<InvalidInput.FieldError> errors = validation.errors(new Report("x".repeat(11), null, "short"));

        assertThat(errors).extracting(e -> texts.text(e, Locale.ENGLISH))
                .containsExactly("This is too long: at most 10 characters.", "This must be at least 8 characters long.");
        assertThat(errors).extracting(e -> texts.text(e, Locale.SIMPLIFIED_CHINESE))
                .containsExactly("内容过长：最多 10 个字符。", "长度至少为 8 个字符。");
    }
}
