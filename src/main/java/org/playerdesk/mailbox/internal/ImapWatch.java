package org.playerdesk.mailbox.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

import jakarta.annotation.PreDestroy;

/**
 * Keeps one reader on each enabled IMAP mailbox across the nodes: a node reads a mailbox only
 * while it holds the mailbox's lease (a row renewed as it reads; another node takes it over once
 * it runs out). While it holds it, the reader waits with IMAP IDLE where the server offers it
 * (woken at the latest every half lease to renew it), and polls every {@code poll-interval}
 * otherwise, or everywhere when {@code playerdesk.mailbox.imap.idle} is false (a server whose IDLE
 * misbehaves, or a network that drops connections left quiet).
 */
@Component
class ImapWatch {

    private static final Logger log = LoggerFactory.getLogger(ImapWatch.class);

    private final MailStore store;
    private final ImapReader reader;
    private final Clock clock;
    private final boolean enabled;
    private final Duration lease;
    private final Duration pollInterval;
    private final boolean useIdle;
    /** Whether each mailbox read on this node waits with IDLE (true) or polls (false). */
    private final Map<UUID, Boolean> waitsWithIdle = new ConcurrentHashMap<>();
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final Map<UUID, Thread> readers = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    ImapWatch(MailStore store, ImapReader reader, Clock clock,
            @Value("${playerdesk.mailbox.imap.enabled:true}") boolean enabled,
            @Value("${playerdesk.mailbox.imap.lease:2m}") Duration lease,
            @Value("${playerdesk.mailbox.imap.poll-interval:1m}") Duration pollInterval,
            @Value("${playerdesk.mailbox.imap.idle:true}") boolean useIdle) {
        this.useIdle = useIdle;
        this.store = store;
        this.reader = reader;
        this.clock = clock;
        this.enabled = enabled;
        this.lease = lease;
        this.pollInterval = pollInterval;
    }

    @Scheduled(initialDelayString = "${playerdesk.mailbox.imap.watch-interval:30s}",
            fixedDelayString = "${playerdesk.mailbox.imap.watch-interval:30s}")
    void watch() {
        if (!enabled || stopping) {
            return;
        }
        for (Mailbox box : store.enabledImap()) {
            readers.compute(box.id(), (id, running) -> running != null && running.isAlive() ? running
                    : holds(id) ? started("mailbox-" + box.address(), () -> keepReading(box))
                    : null);
        }
    }

    /**
     * Whether this node holds the mailbox's lease now. A database out of reach means it does not:
     * the reader ends (the watch starts one again once the lease can be taken) and the mail waits,
     * unread, on the server.
     */
    private boolean holds(UUID mailboxId) {
        try {
            return store.lease(mailboxId, node, clock.instant(), clock.instant().plus(lease));
        } catch (DataAccessException unreachable) {
            log.warn("Mailbox lease could not be taken or renewed: {}", unreachable.getMessage());
            return false;
        }
    }

    private void keepReading(Mailbox box) {
        try {
            while (!stopping && holds(box.id())) {
                try (Store imap = ImapReader.connect(box)) {
                    Folder folder = imap.getFolder(box.folder());
                    folder.open(Folder.READ_WRITE);
                    boolean idle = useIdle && imap instanceof IMAPStore store && store.hasCapability("IDLE");
                    waitsWithIdle.put(box.id(), idle);
                    while (!stopping && holds(box.id()) && folder.isOpen()) {
                        reader.readUnseen(box, folder);
                        if (idle) {
                            idleAWhile((IMAPFolder) folder);
                        } else {
                            Thread.sleep(pollInterval);
                        }
                    }
                } catch (MessagingException | DataAccessException | TransactionException e) {
                    // the mail server or the database out of reach: a message not yet taken stays unread there
                    log.warn("Mailbox {} could not be read: {}", box.address(), e.getMessage());
                    Thread.sleep(pollInterval);
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            // the lease is given back even when the reader was stopped by an interrupt: an interrupted
            // thread's database call fails at once ("closed by interrupt"), and another node would wait
            // the whole lease; the interrupt is kept for whoever stopped the reader
            boolean interrupted = Thread.interrupted();
            try {
                store.release(box.id(), node);
            } catch (DataAccessException unreachable) {
                log.warn("Mailbox {} lease not given back (it ends by itself): {}", box.address(),
                        unreachable.getMessage());
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Whether a reader of this mailbox runs on this node. */
    boolean reads(UUID mailboxId) {
        Thread running = readers.get(mailboxId);
        return running != null && running.isAlive();
    }

    /** How this node waits for a mailbox's new mail: with IDLE (true), polling (false), or not read here. */
    Optional<Boolean> waitsWithIdle(UUID mailboxId) {
        return Optional.ofNullable(waitsWithIdle.get(mailboxId));
    }

    /** Waits for new mail with IDLE, woken at the latest after half the lease so that it is renewed in time. */
    private void idleAWhile(IMAPFolder folder) throws MessagingException {
        Thread waker = started("mailbox-waker", () -> {
            try {
                Thread.sleep(lease.dividedBy(2));
                folder.doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            } catch (InterruptedException | MessagingException done) {
                // the idle ended first, or the folder is closing
            }
        });
        try {
            folder.idle(true);
        } finally {
            waker.interrupt();
        }
    }

    /** Stops reading and waits for the readers to give their leases back (an IDLE ends within half a lease). */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        readers.values().forEach(Thread::interrupt);
        for (Thread reader : readers.values()) {
            reader.join(lease);
        }
    }

    /**
     * Platform threads, not virtual ones: the mail library loads its providers with
     * {@code Class.forName} while connecting, and a virtual thread blocked on a class-loading lock
     * under that native frame keeps its carrier. A few mailboxes connecting at once (at start-up,
     * or after the server came back) then held every carrier while the thread holding the lock
     * waited for one, and the node's virtual threads stopped.
     */
    private static Thread started(String name, Runnable task) {
        return Thread.ofPlatform().daemon().name(name).start(task);
    }
}
