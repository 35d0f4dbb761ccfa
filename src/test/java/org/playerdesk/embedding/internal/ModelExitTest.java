package org.playerdesk.embedding.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that exits while the embedding models load ends cleanly: ONNX Runtime's own shutdown
 * hook freed its native environment under the session being created, and such a process died with
 * SIGSEGV (exit code 134, an hs_err file) in about four exits of ten between 0.6 and 1.05 s after the
 * loading began. Here six processes exit at as many moments of the loading; each must end with its
 * own exit code.
 */
class ModelExitTest {

    @TempDir
    Path folder;

    @Test
    void aProcessThatExitsWhileTheModelsLoadEndsWithItsOwnExitCode() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> outcomes = new ArrayList<>();
        for (int millis : new int[] { 500, 650, 800, 950, 1100, 1300 }) {
            Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ExitWhileLoading.class.getName(), Integer.toString(millis))
                    .directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("exit-" + millis + ".log").toFile()).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("exit after %d ms", millis).isTrue();
            outcomes.add(millis + " ms: " + process.exitValue());
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith("hs_err"));
        }
        assertThat(outcomes).allMatch(outcome -> outcome.endsWith(": 7"));
    }

    /** Starts loading the models, waits the given milliseconds and exits with 7. */
    public static final class ExitWhileLoading {

        public static void main(String[] args) throws InterruptedException {
            SharedModel.load();
            Thread.sleep(Long.parseLong(args[0]));
            System.exit(7);
        }
    }
}
