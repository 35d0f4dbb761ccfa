package org.playerdesk.mailbox.internal;

import static org.playerdesk.BenchTimings.loadAverage;
import static org.playerdesk.BenchTimings.ms;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Inbound mail to ticket on one node: raw MIME messages taken by {@link MailIntake} (read, HTML
 * sanitised, quoted history folded, files checked and stored, the ticket opened or the reply
 * threaded, the Message-ID kept, all committed) from several concurrent callers, as IMAP readers
 * of several mailboxes or webhook calls would. The mix: 75 % new mail from new senders (half with
 * an HTML part, one in ten with a 40 KB screenshot), 25 % replies threaded by In-Reply-To onto
 * tickets opened before. Not part of the test suite (its name does not end in Test):
 * {@code bench/inbound-mail} runs it (see bench/README.md) and writes
 * bench/results/<date>-inbound-mail.{md,json}. Target: at least 100 mails per second.
 */
@SpringBootTest(properties = "playerdesk.mailbox.imap.enabled=false")
@Import(TestWorkspace.class)
class InboundMailBenchmark {

    static final int MAILS = Integer.getInteger("bench.mails", 3_000);
    static final int WARM_UP = Integer.getInteger("bench.warmUp", 300);
    static final int CALLERS = Integer.getInteger("bench.callers", 4);

    @Autowired
    TestWorkspace workspace;
    @Autowired
    MailStore store;
    @Autowired
    MailIntake intake;
    @Autowired
    MeterRegistry meters;

    @Test
    void inboundMailToTicket() throws Exception {
        GameInfo game = workspace.game();
        UUID id = store.addMailbox(new Mailbox(null, game.id(), "bench-" + game.code().toLowerCase() + "@game.example",
                "Support", Mailbox.Kind.WEBHOOK, null, null, false, null, null, null, "secret", true),
                java.time.Instant.now());
        Mailbox box = store.mailbox(id).orElseThrow();
        String run = game.code().toLowerCase();
        byte[] screenshot = new byte[40 * 1024];
        System.arraycopy(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 0, screenshot, 0, 8);

        // warm-up: new mail only; its Message-IDs are what the measured replies answer
        List<byte[]> warmUp = new ArrayList<>();
        for (int i = 0; i < WARM_UP; i++) {
            warmUp.add(newMail(box, run, "w" + i, i % 2 == 0, i % 10 == 0 ? screenshot : null));
        }
        List<byte[]> measured = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            measured.add(i % 4 == 3 ? reply(box, run, i, (i / 4) % WARM_UP)
                    : newMail(box, run, "m" + i, i % 2 == 0, i % 10 == 0 ? screenshot : null));
        }
        String loadAtStart = loadAverage();
        take(box, warmUp);
        // the measured mails start on an idle node: the warm-up's work after the answer is done
        settled();
        long start = System.nanoTime();
        long[] latencies = take(box, measured);
        double seconds = (System.nanoTime() - start) / 1e9;
        String loadAtEnd = loadAverage();
        double perSecond = MAILS / seconds;
        // then how far the work after the answer (routing, clocks, classification, search, counts,
        // outage grouping, through the events outbox) lagged behind, and when it caught up
        double waiting = meters.get("playerdesk.events.outbox.waiting").gauge().value();
        settled();
        double caughtUp = (System.nanoTime() - start) / 1e9 - seconds;
        double withWork = MAILS / (seconds + caughtUp);
        Arrays.sort(latencies);

        String date = LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        String commit = System.getProperty("bench.commit", "");
        String database = System.getenv().getOrDefault("PLAYERDESK_DB_URL", "embedded H2");
        String report = String.format(Locale.ROOT, """
                # Inbound mail to ticket (%s)

                Commit `%s`, database %s, %d cores, load average at start %s, at end %s.

                %d mails (after %d not counted) taken by `MailIntake` from %d concurrent callers: 75 %% new mail
                (half with an HTML part, one in ten with a 40 KB image), 25 %% replies threaded by In-Reply-To.

                | figure | value |
                | --- | --- |
                | mails per second | %.1f |
                | per mail p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
                | target (≥ 100 mails/s) | %s |
                | events waiting in the outbox at the last answer | %.0f |
                | work after the answers done, after the last answer | %.1f s |
                | mails per second, their work after the answer done | %.1f |
                """, date, commit, database.replaceAll("//[^@/]*@", "//"), Runtime.getRuntime().availableProcessors(),
                loadAtStart, loadAtEnd, MAILS, WARM_UP, CALLERS, perSecond, ms(latencies, 50), ms(latencies, 95),
                ms(latencies, 99), perSecond >= 100 ? "met" : "missed", waiting, caughtUp, withWork);
        String json = String.format(Locale.ROOT, """
                {"date": "%s", "commit": "%s", "mails": %d, "warmUp": %d, "callers": %d, "mailsPerSecond": %.1f,
                 "p50Ms": %.2f, "p95Ms": %.2f, "p99Ms": %.2f, "loadStart": "%s", "loadEnd": "%s", "targetMet": %s,
                 "outboxWaitingAtEnd": %.0f, "caughtUpSeconds": %.2f, "mailsPerSecondWithWork": %.1f}
                """, date, commit, MAILS, WARM_UP, CALLERS, perSecond, ms(latencies, 50), ms(latencies, 95),
                ms(latencies, 99), loadAtStart, loadAtEnd, perSecond >= 100, waiting, caughtUp, withWork);
        Path out = Path.of(System.getProperty("bench.results", "bench/results"));
        Files.createDirectories(out);
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm")) + "-inbound-mail";
        Files.writeString(out.resolve(name + ".md"), report);
        Files.writeString(out.resolve(name + ".json"), json);
        System.out.println(report);
    }

    /** Waits until the events outbox is empty and the event workers idle. */
    private void settled() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(15)).pollDelay(java.time.Duration.ZERO)
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> meters.get("playerdesk.events.outbox.waiting").gauge().value() == 0
                        && workers("executor.queued") == 0 && workers("executor.active") == 0);
    }

    private double workers(String gauge) {
        return meters.get(gauge).tag("name", "eventWorkerThreads").gauge().value();
    }

    /** Takes the mails from the callers, each the next mail in turn; answers each mail's time in nanoseconds. */
    private long[] take(Mailbox box, List<byte[]> mails) throws Exception {
        long[] latencies = new long[mails.size()];
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService callers = Executors.newFixedThreadPool(CALLERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                done.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < mails.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        MailIntake.Outcome outcome = intake.receive(box, mails.get(i));
                        latencies[i] = System.nanoTime() - start;
                        if (outcome != MailIntake.Outcome.OPENED && outcome != MailIntake.Outcome.THREADED) {
                            throw new IllegalStateException("mail " + i + " was " + outcome);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> caller : done) {
                caller.get();
            }
        }
        return latencies;
    }

    private static byte[] newMail(Mailbox box, String run, String n, boolean html, byte[] image) throws Exception {
        MimeMessage message = message(box, "player-" + n + "-" + run + "@players.example", "<" + n + "-" + run
                + "@players.example>", "充值没有到账 " + n);
        String text = "您好，我昨天晚上在游戏里充值了 648 元，但是钻石一直没有到账。订单号是 2026120" + n
                + "，区服是 S12 青龙，角色名是 夜雨。请尽快帮我查一下，谢谢！\n\n-- \n夜雨\n发自我的 iPhone";
        MimeMultipart body = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, "UTF-8");
        body.addBodyPart(plain);
        if (html) {
            MimeBodyPart rich = new MimeBodyPart();
            rich.setContent("<div><p>" + text.replace("\n", "<br>") + "</p><img src=\"https://tracker.example/p.png\">"
                    + "</div>", "text/html; charset=UTF-8");
            body.addBodyPart(rich);
        }
        if (image == null) {
            message.setContent(body);
        } else {
            MimeMultipart mixed = new MimeMultipart();
            MimeBodyPart inner = new MimeBodyPart();
            inner.setContent(body);
            mixed.addBodyPart(inner);
            MimeBodyPart file = new MimeBodyPart();
            file.setContent(image, "image/png");
            file.setFileName("screenshot.png");
            file.setDisposition(MimeBodyPart.ATTACHMENT);
            mixed.addBodyPart(file);
            message.setContent(mixed);
        }
        return raw(message);
    }

    /** The player of warm-up mail {@code w} answers PlayerDesk (a few times per player, below a loop). */
    private static byte[] reply(Mailbox box, String run, int i, int w) throws Exception {
        String answers = "<w" + w + "-" + run + "@players.example>";
        MimeMessage message = message(box, "player-w" + w + "-" + run + "@players.example",
                "<r" + i + "-" + run + "@players.example>", "Re: 充值没有到账");
        message.setHeader("In-Reply-To", answers);
        message.setText("补充一下，充值时间是晚上九点左右。\n\n在 2026年12月5日，客服 写道：\n> 请提供订单号", "UTF-8");
        return raw(message);
    }

    private static MimeMessage message(Mailbox box, String from, String messageId, String subject)
            throws MessagingException {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, box.address());
        message.setSubject(subject, "UTF-8");
        return message;
    }

    private static byte[] raw(MimeMessage message) throws Exception {
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
