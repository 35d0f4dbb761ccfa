package org.playerdesk.system.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every error the code can name, in both languages: each message key of a field error
 * ({@code invalid.*}, the forms' own {@code help.invalid.*}, {@code admin.error.*},
 * {@code department.error.*}, {@code kb.error.*}) and each refused rule ({@code error.<code>}) has
 * words in English and in Simplified Chinese, with no Chinese in the English text and no English
 * prose in the Chinese one. Numbers, codes and examples (PNG, Asia/Shanghai, 09:00-12:00) may
 * stand in a Chinese sentence; two English words in a row may not.
 */
class ErrorTextsBundleTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Pattern CJK = Pattern.compile("[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]");
    private static final Pattern LATIN_PROSE = Pattern.compile("\\b[A-Za-z]{2,}\\s+[A-Za-z]{2,}\\b");
    private static final Object[] ARGUMENTS = {1, 2, 3, 4, 5};
    /** How texts are put together ("label: text", one after the other): punctuation, no words. */
    private static final Set<String> PUNCTUATION = Set.of("invalid.labelled", "invalid.joiner");

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void everyFieldErrorTheCodeNamesHasWordsInBothLanguages() throws IOException {
        Set<String> keys = found(Pattern.compile("\"\\{?(invalid\\.[A-Za-z.]+[A-Za-z])}?\""));
        assertThat(keys).as("keys named by the code").hasSizeGreaterThan(60).contains("invalid.blank", "invalid.range");

        keys.forEach(this::speaksBothLanguages);
    }

    @Test
    void everyRefusedRuleHasWordsInBothLanguages() throws IOException {
        Set<String> codes = found(Pattern.compile("new RuleViolation\\(\\s*\"([^\"]+)\""));
        assertThat(codes).as("rule codes").hasSizeGreaterThan(30).contains("ticket.closed", "chat.ended");

        codes.forEach(code -> speaksBothLanguages("error." + code));
    }

    @Test
    void everyErrorTextOfTheBundlesHasBothLanguages() throws IOException {
        Properties english = bundle("");
        Set<String> keys = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            if (Stream.of("invalid.", "error.", "problem.", "help.invalid.", "help.error.", "admin.error.",
                    "department.error.", "kb.error.").anyMatch(key::startsWith) && !key.startsWith("error.page.")) {
                keys.add(key);
            }
        }
        assertThat(keys).hasSizeGreaterThan(150);

        keys.forEach(this::speaksBothLanguages);
    }

    private void speaksBothLanguages(String key) {
        if (PUNCTUATION.contains(key)) {
            return;
        }
        String en = messages.getMessage(key, ARGUMENTS, null, Locale.ENGLISH);
        String zh = messages.getMessage(key, ARGUMENTS, null, Locale.SIMPLIFIED_CHINESE);
        assertThat(en).as("English words for " + key).isNotBlank();
        assertThat(zh).as("Chinese words for " + key).isNotBlank().isNotEqualTo(en);
        assertThat(CJK.matcher(en).find()).as(key + " in English: " + en).isFalse();
        assertThat(CJK.matcher(zh).find()).as(key + " in Chinese reads Chinese: " + zh).isTrue();
        assertThat(LATIN_PROSE.matcher(zh).find()).as(key + " in Chinese: " + zh).isFalse();
    }

    /** Every first group of the pattern in the main sources. */
    private static Set<String> found(Pattern pattern) throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        return found;
    }

    /** All bundles of one language merged, as the application reads them. */
    private static Properties bundle(String suffix) throws IOException {
        Properties merged = new Properties();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("[a-z]+" + suffix + "\\.properties"))
                    .toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Properties one = new Properties();
                    one.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                    merged.putAll(one);
                }
            }
        }
        return merged;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        try (Stream<Path> files = Files.list(BUNDLES)) {
            source.setBasenames(files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("[a-z]+\\.properties"))
                    .map(name -> "i18n/" + name.replace(".properties", ""))
                    .sorted()
                    .toArray(String[]::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void theBundlesReadHereAreTheOnesTheApplicationReads() throws IOException {
        String configuration = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher basenames = Pattern.compile("basename: (\\S+)").matcher(configuration);
        assertThat(basenames.find()).isTrue();
        assertThat(Arrays.stream(messages.getBasenameSet().toArray(String[]::new)).sorted())
                .containsExactlyInAnyOrder(basenames.group(1).split(","));
    }
}
