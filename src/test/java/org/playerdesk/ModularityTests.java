package org.playerdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure is a rule, not a hope: no module reaches into another's internals or
 * forms a cycle. The same model describes the modules in {@code docs/modules} (diagrams and
 * canvases); the committed files must be what the code says. To write them again after a change
 * of structure: {@code ./mvnw test -Dtest=ModularityTests -Dmodules.write-docs=true}.
 */
@Tag("database-independent") // no database at all
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(PlayerDeskApplication.class);
    static final Path DOCS = Path.of("docs/modules");
    static final Path GENERATED = Path.of("target/module-docs");
    static final String WRITE = "modules.write-docs";

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void committedModuleDocumentationMatchesTheCode() throws IOException {
        Path into = Boolean.getBoolean(WRITE) ? DOCS : GENERATED;
        write(into);
        if (into == DOCS) {
            return;
        }
        Map<String, List<String>> generated = read(GENERATED);
        Map<String, List<String>> committed = read(DOCS);
        List<String> stale = new ArrayList<>();
        generated.forEach((name, lines) -> {
            if (!lines.equals(committed.get(name))) {
                stale.add(name);
            }
        });
        committed.keySet().stream().filter(name -> !generated.containsKey(name)).forEach(stale::add);
        assertThat(stale).as("docs/modules does not describe the code (differs from %s); write it again with"
                + " ./mvnw test -Dtest=ModularityTests -D%s=true and commit the result", GENERATED, WRITE).isEmpty();
    }

    private static void write(Path folder) throws IOException {
        if (folder == GENERATED && Files.isDirectory(folder)) {
            try (Stream<Path> old = Files.list(folder)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation();
        sortUnorderedLists(folder);
    }

    private static Map<String, List<String>> read(Path folder) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> each = Files.list(folder)) {
            for (Path file : each.toList()) {
                files.put(file.getFileName().toString(), Files.readAllLines(file));
            }
        }
        return files;
    }

    /**
     * Relationships and listened-to events come out in no fixed order; sorted, the committed
     * files change only when the structure does.
     */
    private static void sortUnorderedLists(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
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
