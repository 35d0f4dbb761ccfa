package org.playerdesk.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A TCP relay between one node and the OpenSearch cluster that can hold the node's indexing:
 * once {@link #holdIndexing()} is called, a request that writes documents ({@code _bulk},
 * {@code _doc}, {@code _create}, {@code _update}) stops here, unanswered and never sent on, as
 * if the node hung in the middle of indexing; searches and everything else still pass. What it
 * held is in {@link #held()}.
 */
final class IndexingHoldProxy implements AutoCloseable {

    private static final Pattern INDEXING = Pattern.compile(
            "^(POST|PUT|DELETE) \\S*/(_bulk|_doc|_create|_update)\\b.*");

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> held = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile boolean holding;
    private volatile boolean closed;

    /** Relays to the first of the cluster's URIs (plain HTTP). */
    IndexingHoldProxy(String uris) {
        URI target = URI.create(uris.split(",")[0].strip());
        this.targetHost = target.getHost();
        this.targetPort = target.getPort();
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("indexing-hold-proxy").start(this::accept);
    }

    /** The URI the node is given instead of the cluster's. */
    String uri() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on, every indexing request stops here. */
    void holdIndexing() {
        holding = true;
    }

    /** The request lines of the indexing requests held so far. */
    List<String> held() {
        return List.copyOf(held);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(upstream);
                Thread.ofPlatform().daemon().start(() -> pump(client, upstream, true));
                Thread.ofPlatform().daemon().start(() -> pump(upstream, client, false));
            } catch (IOException e) {
                // closed, or the cluster refused: the node sees a failed connection
            }
        }
    }

    private void pump(Socket from, Socket to, boolean request) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (request && holding && indexing(buffer, n)) {
                    held.add(firstLine(buffer, n));
                    // this connection goes silent: the request and whatever follows it stay here
                    synchronized (lock) {
                        while (!closed) {
                            lock.wait();
                        }
                    }
                    return;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed (a node killed closes its sockets)
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static boolean indexing(byte[] buffer, int n) {
        return INDEXING.matcher(firstLine(buffer, n)).matches();
    }

    private static String firstLine(byte[] buffer, int n) {
        String text = new String(buffer, 0, Math.min(n, 512), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n");
        return end < 0 ? text : text.substring(0, end);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        closeQuietly(server);
        for (AutoCloseable socket : new ArrayList<>(sockets)) {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
