package org.playerdesk.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, in a temporary folder on a free port, that the test may
 * stop and start at will (never the shared server other tests use). initdb refuses to run as
 * root, so as root the server runs as the {@code postgres} OS user.
 */
final class PrivatePostgres implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path folder;
    private final int port;
    private boolean running;

    private PrivatePostgres(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** Why a private server cannot be made here, or empty when it can. */
    static Optional<String> unavailable() {
        if (binaries().isEmpty()) {
            return Optional.of("no PostgreSQL server binaries (initdb, pg_ctl) under " + INSTALLATIONS);
        }
        if (asRoot() && run(List.of("id", "-u", "postgres")) != 0) {
            return Optional.of("running as root, and there is no 'postgres' OS user to run PostgreSQL as");
        }
        return Optional.empty();
    }

    /** A new, empty server, started. */
    static PrivatePostgres start() throws IOException {
        Path folder = Files.createTempDirectory("playerdesk-pg-");
        PrivatePostgres server = new PrivatePostgres(binaries().orElseThrow(), folder, freePort());
        try {
            if (asRoot()) {
                server.check(List.of("chown", "postgres:postgres", folder.toString()), "chown");
            }
            server.check(server.asServerUser(List.of(server.bin.resolve("initdb").toString(), "-D", server.data(),
                    "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync")), "initdb");
            server.running = true; // from here on, close() stops whatever pg_ctl may have started
            server.startAgain();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    Database database() {
        return new Database("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** A fast shutdown, as an operator's restart or a failover does it: open sessions are ended at once. */
    void stop() {
        check(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop")),
                "pg_ctl stop");
        running = false;
    }

    void startAgain() {
        check(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-l", folder.resolve("server.log").toString(),
                "-w", "-t", "120", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=127.0.0.1", "start")),
                "pg_ctl start");
        running = true;
    }

    @Override
    public void close() throws IOException {
        try {
            if (running) {
                run(asServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop")));
            }
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private List<String> asServerUser(List<String> command) {
        if (!asRoot()) {
            return command;
        }
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(command);
        return asPostgres;
    }

    private void check(List<String> command, String what) {
        Path output = folder.resolve(what.replace(' ', '-') + ".out");
        int exit = run(command, output);
        if (exit != 0) {
            String log;
            try {
                log = Files.readString(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                log = e.toString();
            }
            throw new IllegalStateException(what + " failed with exit code " + exit + ":\n" + log);
        }
    }

    private static int run(List<String> command) {
        return run(command, null);
    }

    private static int run(List<String> command, Path output) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (output == null) {
            builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        } else {
            builder.redirectOutput(output.toFile());
        }
        try {
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The newest installed version's bin folder that has initdb and pg_ctl. */
    private static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> version(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(String name) {
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
