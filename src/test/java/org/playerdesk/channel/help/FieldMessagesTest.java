package org.playerdesk.channel.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.InvalidInput;
import org.playerdesk.system.InvalidInput.FieldError;
import org.springframework.context.support.ResourceBundleMessageSource;

class FieldMessagesTest {

    final FieldMessages messages = new FieldMessages(bundles());

    @Test
    void deskFieldsLandOnTheFormFieldsThePlayerFilledIn() {
        InvalidInput invalid = new InvalidInput(List.of(
                new FieldError("player.accountId", "must not be blank"),
                new FieldError("message", "must be at most 20000 characters"),
                new FieldError("files[2]", "the file is empty"),
                new FieldError("metadata", "at most 30 entries")));

        assertThat(messages.describe(invalid, FieldMessages.TICKET_FORM, Locale.ENGLISH)).containsExactly(
                entry("accountId", "Please fill in this field."),
                entry("description", "Please keep it to at most 20000 characters."),
                entry("files", "The file is empty."),
                entry("form", "Please check this field."));
    }

    @Test
    void explanationsFollowTheReadersLanguageAndUnforeseenOnesStayPolite() {
        InvalidInput invalid = new InvalidInput(List.of(
                new FieldError("contactEmail", "is not an email address"),
                new FieldError("subject", "a rule nobody has written words for yet")));

        assertThat(messages.describe(invalid, FieldMessages.TICKET_FORM, Locale.SIMPLIFIED_CHINESE)).containsExactly(
                entry("email", "请输入有效的邮箱地址，例如 name@example.com。"),
                entry("subject", "请检查此项。"));
    }

    @Test
    void onlyTheFirstProblemOfAFieldIsShown() {
        InvalidInput invalid = new InvalidInput(List.of(new FieldError("message", "must not be blank"),
                new FieldError("files", "at most 5 files per message"), new FieldError("files[0]", "the file is empty")));

        assertThat(messages.describe(invalid, FieldMessages.REPLY_FORM, Locale.ENGLISH)).containsExactly(
                entry("message", "Please fill in this field."),
                entry("files", "Please send at most 5 files at a time."));
    }

    private static java.util.Map.Entry<String, String> entry(String key, String value) {
        return java.util.Map.entry(key, value);
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages", "i18n/help");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
