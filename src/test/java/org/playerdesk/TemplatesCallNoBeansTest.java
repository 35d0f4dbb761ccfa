package org.playerdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A template shows what its controller or panel put in the model. A bean called from a template
 * ({@code ${@bean.method()}}) is a dependency between modules that {@link ModularityTests} cannot
 * see, so none is allowed.
 */
class TemplatesCallNoBeansTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** A bean reference at the start of a variable, selection or link expression, spaces allowed. */
    static final Pattern BEAN_CALL = Pattern.compile("[$*@]\\{\\s*@[A-Za-z_]");

    @Test
    void noTemplateCallsABean() throws IOException {
        List<String> calls = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (BEAN_CALL.matcher(lines.get(i)).find()) {
                        calls.add(TEMPLATES.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(calls).as("templates calling beans; put what they show in the model or a panel instead")
                .isEmpty();
    }

    @Test
    void recognisesEachKindOfBeanCall() {
        assertThat(List.of("${@dailyVolume.today(x)}", "*{@personalData.ip(ip)}", "@{@links.home()}",
                "th:with=\"x=${ @botAnswers.offerFor(t)}\""))
                .allMatch(text -> BEAN_CALL.matcher(text).find());
        assertThat(List.of("${today}", "@{/console/tickets}", "#{inbox.today}", "th:href=\"@{${entry.value}}\"",
                "${#authentication.principal.id()}", "a@b.c {@x}"))
                .noneMatch(text -> BEAN_CALL.matcher(text).find());
    }
}
