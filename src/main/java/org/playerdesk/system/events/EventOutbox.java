package org.playerdesk.system.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * The events outbox: which methods listen through it ({@link OutboxListener}, found once all
 * beans exist), the rows an event of theirs leaves in the publishing transaction, and the call of
 * one listener with one event. A transaction's events are written together, in one batch, just
 * before it commits; after the commit the node's {@link OutboxDispatcher} is woken to take them.
 */
@Component
class EventOutbox implements ApplicationListener<ApplicationEvent>, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);
    private static final String INSERT = "insert into event_outbox (event_type, payload, published_at) values (?, ?, ?)";

    /** One listening method: its name (bean and method) is how a failure is handed to it again. */
    record Listener(String name, Object bean, Method method, boolean transactional) {
    }

    private final ConfigurableListableBeanFactory beans;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private volatile Map<Class<?>, List<Listener>> listeners = Map.of();
    private volatile Runnable afterCommit = () -> { };

    EventOutbox(ConfigurableListableBeanFactory beans, JdbcTemplate jdbc, JsonMapper json, Clock clock,
            PlatformTransactionManager transactions) {
        this.beans = beans;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<Class<?>, List<Listener>> found = new HashMap<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null || !AnnotationUtils.isCandidateClass(type, OutboxListener.class)) {
                continue;
            }
            Map<Method, OutboxListener> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                    (MethodIntrospector.MetadataLookup<OutboxListener>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, OutboxListener.class));
            methods.forEach((method, annotation) -> {
                if (method.getParameterCount() != 1) {
                    throw new IllegalStateException("An @OutboxListener takes the event alone: " + method);
                }
                Object bean = beans.getBean(name);
                Method callable = AopUtils.selectInvocableMethod(method, bean.getClass());
                ReflectionUtils.makeAccessible(callable);
                Class<?> eventType = method.getParameterTypes()[0];
                found.computeIfAbsent(eventType, t -> new ArrayList<>()).add(new Listener(
                        name + "#" + method.getName() + "(" + eventType.getSimpleName() + ")", bean, callable,
                        annotation.transactional()));
            });
        }
        found.replaceAll((type, list) -> List.copyOf(list));
        listeners = Map.copyOf(found);
    }

    /** Told after every commit that wrote events. */
    void afterCommit(Runnable wake) {
        this.afterCommit = wake;
    }

    List<Listener> listenersOf(Class<?> eventType) {
        return listeners.getOrDefault(eventType, List.of());
    }

    Optional<Listener> listener(String name) {
        return listeners.values().stream().flatMap(List::stream).filter(l -> l.name().equals(name)).findFirst();
    }

    /** Keeps an event that has outbox listeners with the publishing transaction, to be written before it commits. */
    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        Object payload = event instanceof PayloadApplicationEvent<?> carried ? carried.getPayload() : event;
        if (!listeners.containsKey(payload.getClass())) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            log.debug("{} published outside a transaction: not delivered to its outbox listeners",
                    payload.getClass().getSimpleName());
            return;
        }
        Pending pending = null;
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Pending found) {
                pending = found;
            }
        }
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.add(payload);
    }

    /** The row of one event: its class and its JSON. */
    record Row(long id, String type, String payload, Timestamp publishedAt) {
    }

    /** The event of a row, or empty (logged) when its class is gone or its JSON no longer reads. */
    Optional<Object> read(String type, String payload) {
        try {
            return Optional.of(json.readValue(payload, ClassUtils.forName(type, getClass().getClassLoader())));
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            log.error("An outbox event of type {} cannot be read ({}); it is left in the table", type, e.toString());
            return Optional.empty();
        }
    }

    /** Hands one event to one listener, in a transaction of its own unless the listener opens its own. */
    void call(Listener listener, Object event) {
        if (listener.transactional()) {
            ownTransaction.executeWithoutResult(status -> invoke(listener, event));
        } else {
            invoke(listener, event);
        }
    }

    private static void invoke(Listener listener, Object event) {
        try {
            listener.method().invoke(listener.bean(), event);
        } catch (InvocationTargetException e) {
            ReflectionUtils.rethrowRuntimeException(e.getTargetException());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of one transaction, written in one batch before it commits. */
    private final class Pending implements TransactionSynchronization {

        private final List<Object> events = new ArrayList<>();
        private boolean written;

        void add(Object event) {
            if (written) {
                // published by a synchronization that ran after this one: written at once, still before the commit
                write(List.of(event));
            } else {
                events.add(event);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            write(events);
        }

        @Override
        public void afterCommit() {
            afterCommit.run();
        }

        private void write(List<Object> written) {
            Timestamp now = Timestamp.from(clock.instant());
            List<Object[]> rows = new ArrayList<>(written.size());
            for (Object event : written) {
                rows.add(new Object[] { event.getClass().getName(), json.writeValueAsString(event), now });
            }
            jdbc.batchUpdate(INSERT, rows);
        }

        @Override
        public int getOrder() {
            // after the synchronizations that may still publish (the ones of before-commit listeners)
            return LOWEST_PRECEDENCE;
        }
    }
}
