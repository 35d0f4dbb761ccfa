package org.playerdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the node starts from the build's AOT cache, against a build folder laid out as
 * {@code ./mvnw package} leaves it: the command then runs the extracted jar with the cache, the same
 * JVM options and arguments; a cache older than what it was made from, made by another JDK, missing
 * its extracted jar or turned off starts the node in the process itself, and so do agents and
 * debuggers. With {@code spring-boot:run}'s class path the cache serves only while no class,
 * resource or POM is newer.
 */
class CachedStartTest {

    private static final String JAVA_HOME = "/opt/jdk-25";
    private static final String VM = "25.0.3+9-LTS";
    private static final Instant BUILT = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path project;

    private Path target;
    private Path jar;
    private Path cache;

    @BeforeEach
    void build() throws IOException {
        target = Files.createDirectories(project.resolve("target"));
        Files.createDirectories(project.resolve("run"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path classes = Files.createDirectories(target.resolve("classes/org/playerdesk"));
        Files.writeString(classes.resolve("PlayerDeskApplication.class"), "classes");
        jar = Files.writeString(target.resolve("playerdesk.jar"), "fat jar");
        Path folder = Files.createDirectories(target.resolve("playerdesk-aot"));
        Files.writeString(folder.resolve("playerdesk.jar"), "application jar");
        Files.writeString(folder.resolve("jdk.properties"), "java.home=" + JAVA_HOME + "\njava.vm.version=" + VM + "\n");
        cache = Files.writeString(folder.resolve("playerdesk.aot"), "cache");
        try (var files = Files.walk(project)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(file.equals(cache) ? BUILT.plusSeconds(60) : BUILT));
            }
        }
    }

    private Optional<List<String>> command(String classPath, Map<String, String> environment, String vm,
            List<String> options) {
        return command(classPath, environment, vm, options, "--server.port=9090");
    }

    private Optional<List<String>> command(String classPath, Map<String, String> environment, String vm,
            List<String> options, String... args) {
        return CachedStart.command(classPath, environment, JAVA_HOME, vm, options, args, project.resolve("run"));
    }

    /** The training start recorded that it ran from the build's prepared bean definitions. */
    private void madeFromPreparedBeans() throws IOException {
        Path record = target.resolve("playerdesk-aot/jdk.properties");
        Files.writeString(record, "java.home=" + JAVA_HOME + "\njava.vm.version=" + VM + "\nspring.aot.enabled=true\n");
        Files.setLastModifiedTime(record, FileTime.from(BUILT));
    }

    private boolean prepared(Map<String, String> environment, List<String> options, String... args) {
        return command(jar.toString(), environment, VM, options, args).orElseThrow()
                .contains("-D" + PreparedBeans.SWITCH + "=true");
    }

    private Optional<List<String>> commandForJar(List<String> options) {
        return command(jar.toString(), Map.of(), VM, options);
    }

    @Test
    void javaDashJarRunsTheExtractedJarFromTheCacheWithTheSameOptionsAndArguments() {
        assertThat(commandForJar(List.of("-Xmx512m", "-XX:AOTCache=/elsewhere.aot", "-Dfile.encoding=UTF-8")))
                .contains(List.of(JAVA_HOME + "/bin/java", "-Xmx512m", "-Dfile.encoding=UTF-8",
                        "-XX:AOTCache=" + cache, "-Xlog:aot*=error", "-D" + CachedStart.STARTED + "=true", "-jar",
                        target.resolve("playerdesk-aot/playerdesk.jar").toString(), "--server.port=9090"));
    }

    @Test
    void aJarBuiltAfterTheCacheOrACacheOfAnotherJdkStartsInTheProcess() throws IOException {
        assertThat(command(jar.toString(), Map.of(), "25.0.4+7-LTS", List.of())).isEmpty();
        Files.setLastModifiedTime(jar, FileTime.from(BUILT.plusSeconds(120)));
        assertThat(commandForJar(List.of())).isEmpty();
    }

    @Test
    void noCacheNoExtractedJarNoRecordOfTheJdkOrTurnedOffStartsInTheProcess() throws IOException {
        assertThat(command(jar.toString(), Map.of("PLAYERDESK_AOT_CACHE", "false"), VM, List.of())).isEmpty();
        Files.delete(target.resolve("playerdesk-aot/jdk.properties"));
        assertThat(commandForJar(List.of())).isEmpty();
        Files.delete(target.resolve("playerdesk-aot/playerdesk.jar"));
        assertThat(commandForJar(List.of())).isEmpty();
        Files.delete(cache);
        assertThat(commandForJar(List.of())).isEmpty();
        assertThat(command(project.resolve("other.jar").toString(), Map.of(), VM, List.of())).isEmpty();
    }

    @Test
    void anAgentADebuggerOrAFlightRecordingStartsInTheProcess() {
        assertThat(commandForJar(List.of("-Xmx512m"))).isPresent();
        for (String option : List.of("-agentlib:jdwp=transport=dt_socket,server=y,address=5005",
                "-javaagent:/opt/agent.jar", "-agentpath:/opt/profiler.so", "-XX:StartFlightRecording=filename=a.jfr")) {
            assertThat(commandForJar(List.of("-Xmx512m", option))).as(option).isEmpty();
        }
    }

    @Test
    void springBootRunUsesTheCacheUntilAClassOrThePomChanges() throws IOException {
        String classPath = String.join(java.io.File.pathSeparator, target.resolve("classes").toString(),
                project.resolve("repository/spring-core.jar").toString());
        assertThat(command(classPath, Map.of(), VM, List.of())).hasValueSatisfying(command -> assertThat(command)
                .containsSubsequence("-jar", target.resolve("playerdesk-aot/playerdesk.jar").toString()));

        Path changed = target.resolve("classes/org/playerdesk/PlayerDeskApplication.class");
        Files.setLastModifiedTime(changed, FileTime.from(BUILT.plusSeconds(300)));
        assertThat(command(classPath, Map.of(), VM, List.of())).isEmpty();
        Files.setLastModifiedTime(changed, FileTime.from(BUILT));
        Files.setLastModifiedTime(project.resolve("pom.xml"), FileTime.from(BUILT.plusSeconds(300)));
        assertThat(command(classPath, Map.of(), VM, List.of())).isEmpty();
    }

    @Test
    void aClassPathOfFoldersWithoutABuiltJarStartsInTheProcess() throws IOException {
        Files.delete(jar);
        assertThat(command(target.resolve("classes").toString(), Map.of(), VM, List.of())).isEmpty();
        assertThat(command(project.resolve("lib/a.jar") + java.io.File.pathSeparator + project.resolve("lib/b.jar"),
                Map.of(), VM, List.of())).isEmpty();
    }

    @Test
    void aStartThatSetsOnlyValuesUsesTheBeanDefinitionsTheBuildPrepared() throws IOException {
        Map<String, String> environment = Map.of("PATH", "/usr/bin", "HOME", "/root", "PLAYERDESK_DATA_DIR", "/srv/pd",
                "PLAYERDESK_DB_URL", "jdbc:postgresql://db/playerdesk", "PLAYERDESK_DB_PASSWORD", "secret",
                "SERVER_PORT", "8081", "JAVA_HOME", JAVA_HOME);
        assertThat(prepared(Map.of(), List.of(), "--server.port=9090")).as("a cache of the build without them").isFalse();

        madeFromPreparedBeans();
        assertThat(prepared(environment, List.of("-Xmx512m", "-Dfile.encoding=UTF-8"), "--server.port=9090",
                "--playerdesk.data-dir=/tmp/pd", "--spring.datasource.url=jdbc:h2:mem:x", "--playerdesk.demo=false"))
                .isTrue();
        assertThat(commandForJar(List.of())).hasValueSatisfying(command -> assertThat(command)
                .containsSubsequence("-D" + CachedStart.STARTED + "=true", "-D" + PreparedBeans.SWITCH + "=true", "-jar"));
    }

    @Test
    void aSettingThatCouldDecideWhichBeansExistStartsWithTheDefinitionsWorkedOutAtStart() throws IOException {
        madeFromPreparedBeans();
        for (String variable : List.of("SPRING_MAIL_HOST", "spring.mail.host", "PLAYERDESK_SSO_ENABLED",
                "PLAYERDESK_SIMULATED_GAME_HTTP", "MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "SPRING_PROFILES_ACTIVE",
                "SPRING_APPLICATION_JSON", "SPRINGDOC_API_DOCS_ENABLED", "SERVER_SSL_ENABLED")) {
            assertThat(prepared(Map.of(variable, "x"), List.of())).as(variable).isFalse();
        }
        for (String option : List.of("-Dspring.mail.host=smtp", "-Dplayerdesk.rate-limits.store=database",
                "-Dspring.aot.enabled=false")) {
            assertThat(prepared(Map.of(), List.of(option))).as(option).isFalse();
        }
        for (String arg : List.of("--playerdesk.sso.enabled=true", "--spring.profiles.active=prod",
                "--playerdesk.files.migrate=s3", "--management.endpoint.health.show-details=always")) {
            assertThat(prepared(Map.of(), List.of(), arg)).as(arg).isFalse();
        }

        Path file = Files.writeString(project.resolve("run/application.yml"), "spring.mail.host: smtp");
        assertThat(prepared(Map.of(), List.of())).as("application.yml in the working directory").isFalse();
        Files.delete(file);
        Files.createDirectories(project.resolve("run/config"));
        assertThat(prepared(Map.of(), List.of())).as("config/ in the working directory").isFalse();
    }
}
