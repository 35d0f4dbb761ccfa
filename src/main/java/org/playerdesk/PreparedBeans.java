package org.playerdesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether the node may start from the bean definitions the build prepared (Spring AOT,
 * {@code spring-boot:process-aot}), which spares it the configuration classes' parsing, the
 * component scan and the auto-configuration's conditions: about a sixth of a start. Those
 * definitions were made with the settings inside the jar, so they hold only for a start that sets
 * nothing that could decide whether a bean exists: the mail sender exists only with
 * {@code spring.mail.host}, single sign-on only with {@code playerdesk.sso.enabled}, an actuator
 * endpoint only when exposed, and so on. So a start qualifies only when every setting it is given,
 * as an environment variable, a system property or a {@code --name=value} argument, is one of
 * {@link #VALUES} (settings read as values, never as conditions: the data folder, the database, the
 * port, whether to seed the demo, the first administrator), and when no configuration file waits in
 * the working directory ({@code application.*} or {@code config/}). Anything else starts the node
 * as before, with the same JDK cache, the definitions worked out at start.
 */
final class PreparedBeans {

    /** Spring's switch to the prepared definitions. */
    static final String SWITCH = "spring.aot.enabled";

    /**
     * The settings a start may give and still use the prepared definitions, as property names or, for
     * the variables {@code application.yml} reads by name ({@code PLAYERDESK_DB_URL}), as theirs.
     */
    static final Set<String> VALUES = Set.of("server.port", "playerdesk.data-dir", "playerdesk.demo",
            "playerdesk.db.url", "playerdesk.db.user", "playerdesk.db.password", "playerdesk.db.pool.size",
            "playerdesk.db.pool.min-idle", "playerdesk.db.connection-timeout", "playerdesk.public-url",
            "playerdesk.event-workers", "playerdesk.admin.username", "playerdesk.admin.password",
            "playerdesk.aot-cache", "spring.datasource.url",
            "spring.datasource.username", "spring.datasource.password");

    /** Where settings that decide beans begin: Spring's own, PlayerDesk's, the actuator's, the API docs'. */
    private static final List<String> SETTINGS = List.of("spring.", "playerdesk.", "server.", "management.",
            "springdoc.");

    private PreparedBeans() {
    }

    /** Whether a start with this environment, these JVM options and arguments, in this folder, qualifies. */
    static boolean fit(Map<String, String> environment, List<String> jvmOptions, String[] args, Path workingDirectory) {
        for (String variable : environment.keySet()) {
            if (decides(variable)) {
                return false;
            }
        }
        for (String option : jvmOptions) {
            if (option.startsWith("-D") && decides(nameOf(option.substring(2)))) {
                return false;
            }
        }
        for (String arg : args) {
            if (arg.startsWith("--") && decides(nameOf(arg.substring(2)))) {
                return false;
            }
        }
        return !configurationIn(workingDirectory);
    }

    /** Whether a setting of this name (a property's or an environment variable's) decides which beans exist. */
    private static boolean decides(String name) {
        String relaxed = relaxed(name);
        return SETTINGS.stream().anyMatch(relaxed::startsWith)
                && VALUES.stream().noneMatch(value -> relaxed(value).equals(relaxed));
    }

    /** A name in one form whichever way it was written: {@code SERVER_PORT}, {@code server-port}: server.port. */
    private static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
    }

    /** The name of a {@code name=value} assignment. */
    private static String nameOf(String assignment) {
        int equals = assignment.indexOf('=');
        return equals < 0 ? assignment : assignment.substring(0, equals);
    }

    /** Spring Boot's configuration files outside the jar: {@code application.*} and {@code config/}. */
    private static boolean configurationIn(Path folder) {
        if (Files.isDirectory(folder.resolve("config"))) {
            return true;
        }
        for (String file : List.of("application.properties", "application.yml", "application.yaml")) {
            if (Files.exists(folder.resolve(file))) {
                return true;
            }
        }
        return false;
    }
}
