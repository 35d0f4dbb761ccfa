package org.playerdesk.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Maven wrapper's JDK selection (.mvn/jdk.sh), run as the wrapper runs it, against stand-in
 * JDKs whose {@code java -version} says what a real one would: where the default java is older than
 * 21 it picks the newest installed JDK 21+ and says so; where none is installed it says in one line
 * what to install and fails; a JAVA_HOME or a java on the PATH that will do is left alone.
 */
class JdkSelectionTest {

    @TempDir
    Path dir;

    @Test
    void anOlderDefaultJavaMakesTheWrapperPickTheNewestInstalledJdk() throws Exception {
        jdk("jdks/jdk-17", "17.0.15");
        jdk("jdks/jdk-21", "21.0.4");
        Path newest = jdk("jdks/temurin-25", "25.0.3");
        Path old = jdk("default-17", "17.0.15");

        Run run = select(Map.of("PATH", old.resolve("bin") + ":/usr/bin:/bin"));

        assertThat(run.exit).isZero();
        assertThat(run.out.strip()).isEqualTo(newest.toString());
        assertThat(run.err).contains("JDK 25", newest.toString(), "the default java is older than 21");
    }

    @Test
    void withoutAnyJdk21TheWrapperSaysWhatToInstallInOneLineAndStops() throws Exception {
        jdk("jdks/jdk-17", "17.0.15");
        Path old = jdk("default-11", "11.0.2");

        Run run = select(Map.of("PATH", old.resolve("bin") + ":/usr/bin:/bin", "JAVA_HOME",
                dir.resolve("jdks/jdk-17").toString()));

        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip()).startsWith("PlayerDesk needs JDK 21 or later and none was found: install one")
                .doesNotContain("\n");
    }

    @Test
    void aJavaHomeOrAJavaOnThePathThatWillDoIsLeftAlone() throws Exception {
        jdk("jdks/temurin-25", "25.0.3");
        Path good = jdk("good-21", "21.0.4");
        Path old = jdk("default-17", "17.0.15");

        Run home = select(Map.of("PATH", old.resolve("bin") + ":/usr/bin:/bin", "JAVA_HOME", good.toString()));
        Run path = select(Map.of("PATH", good.resolve("bin") + ":/usr/bin:/bin"));
        Run legacy = select(Map.of("PATH", jdk("legacy-8", "1.8.0_402").resolve("bin") + ":/usr/bin:/bin"));

        assertThat(home.exit).isZero();
        assertThat(home.out).isEmpty();
        assertThat(path.exit).isZero();
        assertThat(path.out).isEmpty();
        assertThat(legacy.out.strip()).as("java 1.8 counts as 8").isEqualTo(dir.resolve("jdks/temurin-25").toString());
    }

    private record Run(int exit, String out, String err) {
    }

    private Run select(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", Path.of(".mvn/jdk.sh").toAbsolutePath().toString());
        builder.environment().clear();
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("PLAYERDESK_JDK_PLACES", "");
        builder.environment().put("PLAYERDESK_JDK_SEARCH", dir.resolve("jdks").toString());
        builder.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** A stand-in JDK home: java and javac that print the version a real one would. */
    private Path jdk(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        for (String tool : new String[] {"java", "javac"}) {
            Path file = home.resolve("bin").resolve(tool);
            Files.writeString(file, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-04-15' >&2\n",
                    StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return home;
    }
}
