package org.playerdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure is a rule, not a hope: no module reaches into another's internals or
 * forms a cycle. The same model writes the module diagrams and canvases into {@code docs/modules}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PlayerDeskApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeDocumentation();
        sortUnorderedLists();
    }

    /**
     * Relationships and listened-to events come out in no fixed order; sorted, the committed
     * files change only when the structure does.
     */
    private static void sortUnorderedLists() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.toList()) {
                Files.write(file, sortRuns(Files.readAllLines(file)));
            }
        }
    }

    /** Sorts each run of PlantUML {@code Rel(...)} lines and each AsciiDoc bullet list of a table cell. */
    static List<String> sortRuns(List<String> lines) {
        List<String> sorted = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            if (kind == null) {
                sorted.add(lines.get(i++));
                continue;
            }
            List<String> run = new ArrayList<>();
            boolean cell = lines.get(i).startsWith("|");
            run.add(cell ? lines.get(i).substring(1) : lines.get(i));
            i++;
            while (i < lines.size() && kind.equals(kind(lines.get(i))) && !lines.get(i).startsWith("|")) {
                run.add(lines.get(i++));
            }
            run.sort(null);
            if (cell) {
                run.set(0, "|" + run.get(0));
            }
            sorted.addAll(run);
        }
        return sorted;
    }

    private static String kind(String line) {
        if (line.startsWith("Rel(")) {
            return "relation";
        }
        return line.startsWith("* ") || line.startsWith("|* ") ? "item" : null;
    }
}
