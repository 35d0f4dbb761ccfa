package org.playerdesk.sla;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.PlayerDeskApplication;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.sla.internal.SlaSweep;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole PlayerDesk node in this JVM on a given database, with no other state than that
 * database: what a restart or a second node of a cluster sees.
 */
final class SlaNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SlaNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static SlaNode start(String name, String url, String user, String password) {
        // command-line arguments: they override application.yml, as an operator's would
        return new SlaNode(new SpringApplicationBuilder(PlayerDeskApplication.class, FiredEvents.class).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--playerdesk.data-dir=target/test-data/" + name,
                // the test sweeps at instants of its choosing; the scheduled sweep stays out of the way
                "--playerdesk.sla.sweep-delay=1h"));
    }

    /**
     * Counts the service-level events each node published, after their commit. Handed to the node
     * as an extra source; it has no stereotype annotation, so no other test context picks it up.
     */
    public static class FiredEvents {

        static final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> COUNTS =
                new java.util.concurrent.ConcurrentHashMap<>();

        @org.springframework.transaction.event.TransactionalEventListener
        void on(SlaEvents.SlaWarning warning) {
            COUNTS.computeIfAbsent("warning:" + warning.gameId(), k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
        }

        @org.springframework.transaction.event.TransactionalEventListener
        void on(SlaEvents.SlaBreached breached) {
            COUNTS.computeIfAbsent("breach:" + breached.gameId(), k -> new java.util.concurrent.atomic.AtomicInteger())
                    .incrementAndGet();
        }

        static int count(String kind, UUID gameId) {
            var count = COUNTS.get(kind + ":" + gameId);
            return count == null ? 0 : count.get();
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    UUID open(UUID gameId, String account, String type, String channel) {
        return bean(TicketDesk.class).open(new NewTicket(gameId, new PlayerIdentity(account, "玩家" + account, "S1",
                null), type, channel, null, "节点工单 " + account, "玩家的问题", null, Map.of(), false), List.of())
                .ticket().id();
    }

    TicketView head(UUID ticketId) {
        return bean(TicketQueries.class).head(ticketId);
    }

    int sweep(java.time.Instant now, UUID gameId) {
        return bean(SlaSweep.class).sweep(now, List.of(gameId));
    }

    static Duration patience() {
        return Duration.ofSeconds(60);
    }

    @Override
    public void close() {
        context.close();
    }
}
