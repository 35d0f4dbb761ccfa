package org.playerdesk;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the node from the JDK's ahead-of-time cache that the build leaves beside the jar, where
 * there is one for this very build and JDK: neither {@code java -jar target/playerdesk.jar} nor
 * {@code ./mvnw spring-boot:run} can carry the JVM option, so the process they start runs a second
 * JVM with {@code -XX:AOTCache}, waits for it and ends with its exit code; a stop (SIGTERM, Ctrl-C)
 * reaches the node, and a node whose launching process is killed stops by itself. Classes come
 * loaded and linked from the cache, which takes about half of the start on two cores.
 * {@code spring-boot:run} runs the built jar only when no class, resource or POM changed since the
 * build; otherwise the classes just compiled start in this process.
 *
 * <p>The build ({@code ./mvnw package} on JDK 25 or later) prepares the bean definitions
 * ({@code spring-boot:process-aot}), extracts the jar into {@code target/playerdesk-aot/} and makes
 * the cache there with one training start from those definitions on a scratch in-memory database,
 * which seeds the demo workspace, ends once the node is ready and records the JDK it ran on in
 * {@value #JDK_FILE}. The node started from the cache uses the prepared definitions too where
 * {@link PreparedBeans} says the start's settings allow it.
 * The cache is used only when it is newer than what it was made from and was made by the running JDK;
 * otherwise, or with {@code PLAYERDESK_AOT_CACHE=false}, the node starts in this process as before,
 * and so it does when {@code java} was given an agent, a debugger or a flight recording. Every other
 * JVM option given to {@code java} is given to the node.
 */
final class CachedStart {

    /** Set on the node started from the cache: it starts no other, and stops when its launcher is gone. */
    static final String STARTED = "playerdesk.aot.started";
    /** Set on the training start: the folder in which to record the JDK. */
    static final String TRAINING = "playerdesk.aot.training";
    static final String JDK_FILE = "jdk.properties";
    /** Set while the build prepares the bean definitions (Spring AOT's processing). */
    static final String PROCESSING = "spring.aot.processing";
    static final String CACHE_FILE = "playerdesk.aot";
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private CachedStart() {
    }

    /** Whether this is the build's training start, which ends once the node is ready. */
    static boolean training() {
        return System.getProperty(TRAINING) != null;
    }

    /**
     * Runs the node from the cache when there is a usable one, and answers its exit code; empty
     * when the node is to start in this process.
     */
    static Optional<Integer> runFromCache(String[] args) {
        String training = System.getProperty(TRAINING);
        if (training != null) {
            recordJdk(Path.of(training));
            return Optional.empty();
        }
        if (System.getProperty(STARTED) != null) {
            stopWithLauncher();
            return Optional.empty();
        }
        if (Boolean.getBoolean(PROCESSING)) {
            // the build prepares the bean definitions by running this method: no node is to start
            return Optional.empty();
        }
        Optional<List<String>> command = command(System.getProperty("java.class.path", ""), System.getenv(),
                System.getProperty("java.home"), System.getProperty("java.vm.version"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), args, Path.of("").toAbsolutePath());
        return command.map(CachedStart::run);
    }

    /**
     * The command that starts the node from the cache: the same JDK, the same JVM options (without
     * any of the cache's own) and arguments; empty where there is no cache for this jar and JDK.
     */
    static Optional<List<String>> command(String classPath, Map<String, String> environment, String javaHome,
            String vmVersion, List<String> jvmOptions, String[] args, Path workingDirectory) {
        if ("false".equalsIgnoreCase(environment.getOrDefault("PLAYERDESK_AOT_CACHE", "true"))
                || jvmOptions.stream().anyMatch(CachedStart::attachesTools) || classPath.isEmpty()) {
            return Optional.empty();
        }
        Optional<Built> built = built(classPath.split(File.pathSeparator));
        if (built.isEmpty()) {
            return Optional.empty();
        }
        Path jar = built.get().jar();
        String name = jar.getFileName().toString();
        Path folder = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-aot");
        Path cache = folder.resolve(CACHE_FILE);
        Path extracted = folder.resolve(name);
        Properties made;
        try {
            made = recorded(folder.resolve(JDK_FILE));
            if (!Files.isRegularFile(cache) || !Files.isRegularFile(extracted)
                    || !javaHome.equals(made.getProperty("java.home"))
                    || !vmVersion.equals(made.getProperty("java.vm.version"))
                    || !newerThanAll(cache, built.get().sources())) {
                return Optional.empty();
            }
        } catch (IOException | UncheckedIOException unreadable) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(javaHome, "bin", "java").toString());
        for (String option : jvmOptions) {
            if (!option.startsWith("-XX:AOTCache") && !option.startsWith("-XX:AOTMode")
                    && !option.startsWith("-D" + STARTED)) {
                command.add(option);
            }
        }
        command.add("-XX:AOTCache=" + cache);
        // JDK 25.0 warns on stdout that a few adapters of the cache do not link; they are made anew
        command.add("-Xlog:aot*=error");
        command.add("-D" + STARTED + "=true");
        // the cache was made from the build's prepared bean definitions: the start uses them too where
        // nothing it is given could change which beans exist
        if (Boolean.parseBoolean(made.getProperty(PreparedBeans.SWITCH))
                && PreparedBeans.fit(environment, jvmOptions, args, workingDirectory)) {
            command.add("-D" + PreparedBeans.SWITCH + "=true");
        }
        command.add("-jar");
        command.add(extracted.toString());
        command.addAll(List.of(args));
        return Optional.of(command);
    }

    /**
     * The built jar whose cache would serve, with what the cache must be newer than: {@code java
     * -jar} runs that jar itself; {@code ./mvnw spring-boot:run} runs {@code target/classes} and the
     * dependencies, whose jar is {@code target/playerdesk.jar} where the build made one, and whose
     * cache serves only when neither a class, a resource nor the POM changed since.
     */
    private static Optional<Built> built(String[] classPath) {
        Path first = Path.of(classPath[0]).toAbsolutePath();
        if (classPath.length == 1 && first.getFileName().toString().endsWith(".jar")) {
            return Optional.of(new Built(first, List.of(first)));
        }
        Path target = first.getParent();
        if (target == null || !first.getFileName().toString().equals("classes") || !Files.isDirectory(first)) {
            return Optional.empty();
        }
        Path jar = target.resolve("playerdesk.jar");
        Path pom = target.resolveSibling("pom.xml");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(pom)) {
            return Optional.empty();
        }
        return Optional.of(new Built(jar, List.of(jar, pom, first)));
    }

    private record Built(Path jar, List<Path> sources) {
    }

    /** Whether the file was written after every given file and every file under the given folders. */
    private static boolean newerThanAll(Path file, List<Path> sources) throws IOException {
        FileTime made = Files.getLastModifiedTime(file);
        for (Path source : sources) {
            if (!Files.exists(source)) {
                return false;
            }
            try (Stream<Path> files = Files.walk(source)) {
                if (files.anyMatch(each -> modified(each).compareTo(made) > 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An agent, a debugger or a flight recording attaches to the process that was started: the node
     * then starts in it, rather than both processes opening the same port or file.
     */
    private static boolean attachesTools(String option) {
        return option.startsWith("-agent") || option.startsWith("-javaagent") || option.startsWith("-Xrun")
                || option.startsWith("-Xdebug") || option.startsWith("-XX:StartFlightRecording");
    }

    /** What the training start recorded (nothing when it did not run). */
    private static Properties recorded(Path jdkFile) throws IOException {
        Properties jdk = new Properties();
        if (Files.isRegularFile(jdkFile)) {
            try (var reader = Files.newBufferedReader(jdkFile, StandardCharsets.UTF_8)) {
                jdk.load(reader);
            }
        }
        return jdk;
    }

    private static void recordJdk(Path folder) {
        Properties jdk = new Properties();
        jdk.setProperty("java.home", System.getProperty("java.home"));
        jdk.setProperty("java.vm.version", System.getProperty("java.vm.version"));
        jdk.setProperty(PreparedBeans.SWITCH, String.valueOf(Boolean.getBoolean(PreparedBeans.SWITCH)));
        try (var writer = Files.newBufferedWriter(folder.resolve(JDK_FILE), StandardCharsets.UTF_8)) {
            jdk.store(writer, "the JDK that made the AOT cache beside this file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the JDK of the AOT cache in " + folder, e);
        }
    }

    /**
     * Runs the node and answers its exit code. The options that only the launching JVM should read
     * from the environment are not read again by the node, which gets them on its command line.
     */
    private static int run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process node;
        try {
            node = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.getFirst(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(node), "playerdesk-stop"));
        while (true) {
            try {
                return node.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop(node);
            }
        }
    }

    /** Asks the node to stop as a SIGTERM would, and waits for its graceful shutdown. */
    private static void stop(Process node) {
        if (!node.isAlive()) {
            return;
        }
        node.destroy();
        try {
            if (!node.waitFor(STOP_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                node.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            node.destroyForcibly();
        }
    }

    /** The node started from the cache stops when the process that launched it is gone (killed, say). */
    private static void stopWithLauncher() {
        ProcessHandle.current().parent().ifPresent(launcher -> launcher.onExit().thenRun(() -> {
            Thread stopping = new Thread(() -> System.exit(143), "playerdesk-launcher-gone");
            stopping.start();
        }));
    }
}
