package org.playerdesk.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.playerdesk.HoldingProxy;
import org.playerdesk.LocalPostgres;
import org.playerdesk.TestMail;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A node killed with SIGKILL in the middle of reading a support mailbox loses no mail and takes
 * none twice. The mail server (GreenMail, IMAP and SMTP) runs in the test's JVM; the node, a
 * process of its own on a PostgreSQL database of the test's, reads the game's IMAP mailbox
 * through a {@link HoldingProxy} that holds the command marking a message read ({@code STORE},
 * or {@code MOVE}/{@code COPY}). So the node is caught after it committed the mail's ticket and
 * before the server marked the mail read; it is killed there, a second mail arrives, and the
 * node started again fetches the first mail again (still unread on the server): its Message-ID
 * makes that a no-op, both mails end read, each is one ticket. Skipped outside CI when
 * PostgreSQL cannot be reached on 127.0.0.1:5432 (in CI it must run).
 */
@Tag("database-independent") // a PostgreSQL database of its own, whatever the suite runs on
class MailFetchCrashIT {

    /** An IMAP command that marks a message read or takes it out of the folder. */
    private static final Pattern MARKS_READ = Pattern.compile("(?i)\\S+ (UID )?(STORE|MOVE|COPY) .*");

    private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private final String databaseName = "pd_mail_crash_" + suffix;
    private final String address = "support-" + suffix + "@game.example";

    @TempDir
    Path home;

    private GreenMail mailServer;
    private GreenMailUser mailbox;
    private HoldingProxy proxy;
    private JdbcTemplate jdbc;
    private PlayerDeskNode node;

    @BeforeEach
    void prerequisites() throws Exception {
        if (!LocalPostgres.reachable()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("the mail crash test needs PostgreSQL on 127.0.0.1:5432");
            }
            Assumptions.abort("PostgreSQL is not reachable on 127.0.0.1:5432");
        }
        LocalPostgres.execute("postgres", "create database " + databaseName);
        jdbc = new JdbcTemplate(new DriverManagerDataSource(LocalPostgres.SERVER + databaseName, "postgres", ""));
        mailServer = new GreenMail(new ServerSetup[] {
                new ServerSetup(TestMail.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(TestMail.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP) });
        mailServer.start();
        mailbox = mailServer.setUser(address, address, "mailbox-password");
        proxy = new HoldingProxy("127.0.0.1", mailServer.getImap().getPort(), MARKS_READ);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (node != null) {
            node.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (mailServer != null) {
            mailServer.stop();
        }
        LocalPostgres.execute("postgres", "drop database if exists " + databaseName + " with (force)");
    }

    @Test
    void aNodeKilledBetweenTheTicketsCommitAndTheReadFlagLosesNoMailAndTakesNoneTwice() throws Exception {
        node = PlayerDeskNode.start(home, new Database(LocalPostgres.SERVER + databaseName, "postgres", ""),
                Map.of("PLAYERDESK_MAILBOX_IMAP_WATCH_INTERVAL", "1s",
                        // the killed node's lease runs out soon, so that the next node may read
                        "PLAYERDESK_MAILBOX_IMAP_LEASE", "10s",
                        "SPRING_MAIL_HOST", "127.0.0.1",
                        "SPRING_MAIL_PORT", Integer.toString(mailServer.getSmtp().getPort())));
        UUID game = jdbc.queryForObject("select id from game where code = ?", UUID.class, node.game());
        proxy.hold();
        addImapMailbox(game);
        String first = "<first-" + suffix + "@players.example>";
        send(first, "Diamonds missing", "I paid for 600 diamonds yesterday and got none.");

        // the node has committed the mail's ticket and sent the flag, which the proxy holds
        await("the first mail's ticket committed and its read flag held").atMost(Duration.ofMinutes(2))
                .until(() -> ticketsOf(first) == 1 && !proxy.held().isEmpty());
        assertThat(proxy.held()).singleElement().asString().containsIgnoringCase("\\Seen");
        assertThat(unread()).containsExactly(first);

        // a second mail arrives while the node hangs; it dies before it reads it
        String second = "<second-" + suffix + "@players.example>";
        send(second, "Cannot log in", "The game closes as soon as I log in.");
        node.kill();
        assertThat(unread()).as("the flag never reached the server").containsExactlyInAnyOrder(first, second);

        // started again, the node reads both unread mails once its old lease has run out
        proxy.release();
        node.start();
        await("both mails read on the server").atMost(Duration.ofMinutes(2)).until(() -> unread().isEmpty());

        // the first mail was fetched again (nothing else could flag it read) and its Message-ID
        // made that a no-op: one ticket, one row; the second mail is a ticket of its own
        assertThat(ticketsOf(first)).isOne();
        assertThat(ticketsOf(second)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from mail_received where message_id = ?", Long.class, first))
                .isOne();
        assertThat(jdbc.queryForList("select subject from ticket where game_id = ? order by subject", String.class,
                game)).containsExactly("Cannot log in", "Diamonds missing");
    }

    /** The game's IMAP support mailbox, as the mailbox page stores it (the password sealed), read through the proxy. */
    private void addImapMailbox(UUID game) {
        Secrets secrets = new Secrets(Map.of("test1", PlayerDeskNode.TEST_SECRETS_KEY), "test1");
        jdbc.update("""
                insert into mailbox (id, game_id, address, display_name, kind, imap_host, imap_port, imap_ssl,
                    imap_username, imap_password, imap_folder, webhook_secret, enabled, created_at)
                values (?, ?, ?, ?, 'imap', '127.0.0.1', ?, false, ?, ?, null, null, true, ?)""", UUID.randomUUID(),
                game, address, "可靠性测试 客服", proxy.port(), address, secrets.seal("mailbox-password"),
                Timestamp.from(Instant.now()));
    }

    /** A player's mail to the support address over SMTP, with the Message-ID given. */
    private void send(String messageId, String subject, String text) throws Exception {
        String raw = "From: player-" + suffix + "@players.example\r\n" + "To: " + address + "\r\n"
                + "Subject: " + subject + "\r\n" + "Message-ID: " + messageId + "\r\n" + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text + "\r\n";
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(mailServer.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        // not Transport.send: it would give the message a new Message-ID
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** The Message-IDs of the mails the server has not marked read. */
    private List<String> unread() throws Exception {
        List<String> unread = new java.util.ArrayList<>();
        for (StoredMessage message : mailServer.getManagers().getImapHostManager().getInbox(mailbox).getMessages()) {
            if (!message.isSet(Flags.Flag.SEEN)) {
                unread.add(message.getMimeMessage().getMessageID());
            }
        }
        return unread;
    }

    /** The tickets the mail of this Message-ID opened. */
    private long ticketsOf(String messageId) {
        return jdbc.queryForObject("select count(*) from ticket t join mail_received r on r.ticket_id = t.id "
                + "where r.message_id = ?", Long.class, messageId);
    }
}
