package org.playerdesk.system.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jmolecules.event.annotation.DomainEventHandler;

/**
 * A method that reacts to an event once the transaction that published it has committed, through
 * the events outbox ({@link EventOutbox}): the event is written once, in the publishing transaction,
 * whatever the number of its listeners; the nodes take the outbox's rows in batches and hand each
 * event to every method of its type on the event workers, then delete the batch in one statement.
 * Delivery is at least once: after a crash, a lost lease or a failure the event comes again, so a
 * listener must tolerate running twice (count a delivered event once, send a mail once).
 *
 * <p>The method takes one parameter, the event, of the exact class the publisher publishes. It
 * runs in a transaction of its own unless {@link #transactional()} says that it opens its own. A
 * listener that throws is handed the event again later, alone (the other listeners of the event
 * are not run again), every {@code playerdesk.events.retry-interval}, waiting longer each time.
 * Events published outside a transaction are not delivered (as with Spring's transactional event
 * listeners).
 *
 * <p>Marked as an event handler so that the module documentation shows what each module listens to.
 */
@DomainEventHandler
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface OutboxListener {

    /**
     * Whether the outbox runs the method in a transaction of its own (the default), or leaves the
     * method to open the transactions it needs (for a listener that retries, waits or calls out).
     */
    boolean transactional() default true;
}
