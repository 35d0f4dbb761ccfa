package org.playerdesk.system.locale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** PlayerDesk speaks Simplified Chinese by default and English on request. */
class LocalesTest {

    @ParameterizedTest(name = "\"{0}\" is spoken as {1}")
    @CsvSource({ "en, en", "en-US, en", "en_GB, en", "EN-au, en", "zh, zh-CN", "zh-CN, zh-CN", "zh_CN, zh-CN",
            "zh-TW, zh-CN", "zh-Hans-CN, zh-CN", "fr, zh-CN", "ja-JP, zh-CN", "not a tag, zh-CN" })
    void mapsTagsToASupportedLocale(String tag, String spoken) {
        assertThat(Locales.supported(tag).toLanguageTag()).isEqualTo(spoken);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "  " })
    void missingTagMeansTheDefault(String tag) {
        assertThat(Locales.supported(tag)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Locales.fromAcceptLanguage(tag)).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @ParameterizedTest(name = "Accept-Language \"{0}\" is answered in {1}")
    @CsvSource(delimiter = '|', value = {
            "en-US,en;q=0.9              | en",
            "fr-FR,fr;q=0.9,en;q=0.8     | en",
            "zh-CN,zh;q=0.9,en;q=0.8     | zh-CN",
            "de;q=0.9,zh-TW;q=0.8        | zh-CN",
            "zh;q=0.5,en;q=0.9           | en",
            "fr,de                       | zh-CN",
            "*                           | zh-CN",
            "en;q=nonsense               | zh-CN",
            ";;;                         | zh-CN" })
    void picksTheFirstSpokenLanguageOfTheBrowser(String header, String spoken) {
        assertThat(Locales.fromAcceptLanguage(header).toLanguageTag()).isEqualTo(spoken);
    }

    @Test
    void tagsAreTheSupportedLanguageTags() {
        assertThat(Locales.tag(Locale.US)).isEqualTo("en");
        assertThat(Locales.tag(Locale.TRADITIONAL_CHINESE)).isEqualTo("zh-CN");
        assertThat(Locales.tag(Locale.FRANCE)).isEqualTo("zh-CN");
        assertThat(Locales.SUPPORTED).extracting(Locales::tag).containsExactly("zh-CN", "en");
    }
}
