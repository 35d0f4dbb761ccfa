package org.playerdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A TCP relay between a node and a server that can hold some of the node's requests: once
 * {@link #hold()} is called, a request that has a line matching the pattern it was given stops
 * here, unanswered and never sent on, as if the node hung in the middle of it; everything else
 * still passes. What it held (the matching lines) is in {@link #held()}. For line-based protocols
 * whose client waits for an answer before it asks again (HTTP/1.1, IMAP), one read is one request.
 */
public final class HoldingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final Pattern request;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<String> held = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile boolean holding;
    private volatile boolean closed;

    /** Relays to {@code host:port}; {@code request} matches a line of the requests to hold. */
    public HoldingProxy(String host, int port, Pattern request) {
        this.targetHost = host;
        this.targetPort = port;
        this.request = request;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("holding-proxy-" + port).start(this::accept);
    }

    /** The port on 127.0.0.1 the node is given instead of the server's. */
    public int port() {
        return server.getLocalPort();
    }

    /** From now on, every matching request stops here. */
    public void hold() {
        holding = true;
    }

    /** From now on, matching requests pass again; those held so far stay held. */
    public void release() {
        holding = false;
    }

    /** The matching lines of the requests held so far. */
    public List<String> held() {
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
                // closed, or the server refused: the node sees a failed connection
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromNode) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                String line = fromNode && holding ? matchingLine(buffer, n) : null;
                if (line != null) {
                    held.add(line);
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

    /** The first line of the request's start (its first 4 KB) that the pattern matches, or null. */
    private String matchingLine(byte[] buffer, int n) {
        String text = new String(buffer, 0, Math.min(n, 4096), StandardCharsets.ISO_8859_1);
        return text.lines().filter(line -> request.matcher(line).matches()).findFirst().orElse(null);
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
