package org.playerdesk;

import java.io.IOException;
import java.net.ServerSocket;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail) in the test's JVM, on a free port of the loopback address, for
 * tests of what PlayerDesk emails: started when the test class loads, pointed to by
 * {@code spring.mail.*} through {@link #use}; the test stops it after all.
 */
public final class TestMail {

    private TestMail() {
    }

    /** A mail server listening now on a free port of 127.0.0.1. */
    public static GreenMail started() {
        GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    /** Sends the application's mail to this server. */
    public static void use(DynamicPropertyRegistry properties, GreenMail mail) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> mail.getSmtp().getPort());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
