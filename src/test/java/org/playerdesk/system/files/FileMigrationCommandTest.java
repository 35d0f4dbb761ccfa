package org.playerdesk.system.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.playerdesk.PlayerDeskApplication;

/**
 * The migration command as an operator runs it: the application started with
 * {@code --playerdesk.files.migrate=local:database} on its own data folder (the embedded
 * database) copies the files of the folders into the database, says so, and stops with exit code
 * 0; run again, it finds every file there already.
 */
class FileMigrationCommandTest {

    @TempDir
    Path home;

    @Test
    void copiesEveryFileAndStopsThenFindsThemThereWhenRunAgain() throws Exception {
        Path data = home.resolve("data");
        write(data.resolve("files/2026/05/0190f5a2-6c1e-7000-8000-000000000001"), "充值记录");
        write(data.resolve("kb-images/2025/11/0190f5a2-6c1e-7000-8000-000000000002"), "图片");

        Run first = migrate(data, "first");

        assertThat(first.exit()).as(first.log()).isZero();
        assertThat(first.log()).contains("files: 1 of 1 files (100%): 1 copied, 0 already there, 0 failed",
                "kb-images: 1 of 1 files (100%): 1 copied, 0 already there, 0 failed");

        Run again = migrate(data, "again");

        assertThat(again.exit()).as(again.log()).isZero();
        assertThat(again.log()).contains("files: 1 of 1 files (100%): 0 copied, 1 already there, 0 failed");
    }

    private record Run(int exit, String log) {
    }

    private Run migrate(Path data, String name) throws IOException, InterruptedException {
        Path log = home.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PlayerDeskApplication.class.getName(),
                // the packaged settings only, not the tests' (config/application.yml: in-memory H2)
                "--spring.config.location=classpath:/application.yml",
                "--playerdesk.files.migrate=local:database")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(variable -> variable.startsWith("PLAYERDESK_") || variable.startsWith("SPRING_"));
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.put("PLAYERDESK_DATA_DIR", data.toString());
        environment.put("PLAYERDESK_DEMO", "false");
        environment.put("PLAYERDESK_EMBEDDING_ENABLED", "false");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the migration did not stop:\n" + Files.readString(log));
        }
        return new Run(process.exitValue(), Files.readString(log));
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
