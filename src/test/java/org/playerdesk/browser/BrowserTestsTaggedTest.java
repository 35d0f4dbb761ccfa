package org.playerdesk.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every test that opens Chromium is tagged {@code browser}: the build runs those as a phase of
 * their own, once, and an untagged one would run in the middle of the rest of the suite instead.
 */
class BrowserTestsTaggedTest {

    @Test
    void everyTestThatOpensChromiumIsTaggedBrowser() throws IOException {
        List<Path> opening;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
            opening = files.filter(p -> p.toString().endsWith("Test.java"))
                    .filter(p -> !p.endsWith("BrowserTestsTaggedTest.java")).filter(BrowserTestsTaggedTest::opensChromium)
                    .toList();
        }
        assertThat(opening).as("tests that open Chromium").isNotEmpty();
        for (Path test : opening) {
            assertThat(Files.readString(test)).as("%s is tagged browser", test).contains("@Tag(\"browser\")");
        }
    }

    private static boolean opensChromium(Path test) {
        try {
            String source = Files.readString(test);
            return source.contains("new Chromium()") || source.contains("BrowserSession.start");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
