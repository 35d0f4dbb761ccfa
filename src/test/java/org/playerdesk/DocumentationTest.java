package org.playerdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The newcomer's documents keep up with the code: the architecture names every module and every
 * event listener, and the map names every module and every table of the schema. A new module,
 * listener or table fails here until the documents say where it belongs.
 */
class DocumentationTest {

    private static final Path SOURCES = Path.of("src/main/java/org/playerdesk");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    private static final Pattern DROP_TABLE = Pattern.compile("(?i)drop\\s+table\\s+(?:if\\s+exists\\s+)?(\\w+)");
    private static final Pattern LISTENER = Pattern.compile(
            "@(ApplicationModuleListener|TransactionalEventListener|EventListener|OutboxListener)\\b");

    private static String read(String file) throws IOException {
        return Files.readString(Path.of("docs", file));
    }

    @Test
    void theArchitectureAndTheMapNameEveryModule() throws IOException {
        String architecture = read("architecture.md");
        String map = read("map.md");
        for (String module : modules()) {
            assertThat(architecture).as("docs/architecture.md names module %s", module).contains("`" + module + "`");
            assertThat(map).as("docs/map.md names module %s", module).contains("| `" + module + "` |");
        }
    }

    @Test
    void theMapNamesEveryTable() throws IOException {
        String map = read("map.md");
        Set<String> tables = tables();
        assertThat(tables).as("the migrations create tables").contains("ticket", "event_publication");
        for (String table : tables) {
            assertThat(map).as("docs/map.md names table %s and its owner", table).contains("`" + table + "`");
        }
    }

    @Test
    void theArchitectureNamesEveryListener() throws IOException {
        String architecture = read("architecture.md");
        Set<String> listeners = listeners();
        assertThat(listeners).as("the code has event listeners").isNotEmpty();
        for (String listener : listeners) {
            assertThat(architecture).as("docs/architecture.md lists listener %s", listener)
                    .contains("`" + listener + "`");
        }
    }

    private static Set<String> modules() throws IOException {
        try (Stream<Path> entries = Files.list(SOURCES)) {
            return entries.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** Tables the migrations create and do not drop again. */
    static Set<String> tables() throws IOException {
        Set<String> created = new TreeSet<>();
        Set<String> dropped = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(file);
                collect(CREATE_TABLE.matcher(sql), created);
                collect(DROP_TABLE.matcher(sql), dropped);
            }
        }
        created.removeAll(dropped);
        return created;
    }

    private static void collect(Matcher matcher, Set<String> into) {
        while (matcher.find()) {
            into.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
    }

    /** Classes with an event listener method, named as {@code module.package.Class} below org.playerdesk. */
    static Set<String> listeners() throws IOException {
        Set<String> listeners = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (LISTENER.matcher(Files.readString(file)).find()) {
                    String name = SOURCES.relativize(file).toString().replace(".java", "");
                    listeners.add(name.replace(file.getFileSystem().getSeparator(), "."));
                }
            }
        }
        return listeners;
    }
}
