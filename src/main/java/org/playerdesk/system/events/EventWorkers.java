package org.playerdesk.system.events;

import java.util.List;
import java.util.concurrent.Executor;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;

/**
 * The threads that run the asynchronous event listeners (every module's reaction to a new
 * ticket, a reply, a chat message…): a fixed number, {@code playerdesk.events.workers}, with the
 * other events waiting in line. Each listener holds a database connection while it runs; with a
 * thread per event, a burst of new tickets started thousands of listeners at once that took
 * every pooled connection, so requests and the listeners themselves waited for connections and
 * failed after the pool's timeout. Keep the workers well below the connection pool
 * ({@code spring.datasource.hikari.maximum-pool-size}) so that requests always find one.
 *
 * <p>An event waiting in line is safe: its publication stays in the registry until its listener
 * has finished, and a restart hands it over again. When the node stops, the workers take no new
 * events and finish what they were handed for at most ten seconds.
 *
 * <p>The executor is deliberately not a bean: Spring Boot hands a lone {@code AsyncTaskExecutor}
 * bean to the chat's STOMP channels too, and chat messages must not wait behind event listeners.
 * Its queue and activity are published as the {@code executor.*} metrics named
 * {@code eventWorkerThreads}.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class EventWorkers implements AsyncConfigurer, SmartLifecycle, ApplicationContextAware,
        ApplicationListener<ContextClosedEvent>, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    EventWorkers(@Value("${playerdesk.events.workers:8}") int count, MeterRegistry meters) {
        if (count < 1) {
            throw new IllegalArgumentException("playerdesk.events.workers must be at least 1, was " + count);
        }
        executor.setCorePoolSize(count);
        executor.setMaxPoolSize(count);
        executor.setThreadNamePrefix("event-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        executor.initialize();
        new ExecutorServiceMetrics(executor.getThreadPoolExecutor(), "eventWorkerThreads", List.of()).bindTo(meters);
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }

    /** Events handed to the workers that no worker has taken up yet. */
    int waiting() {
        return executor.getQueueSize();
    }

    // the executor's own life cycle, as Spring runs it for an executor bean: paused while the
    // context is stopped (a test framework pauses cached contexts), shut down early when the
    // context closes (what was handed over still runs), gone when the context is destroyed

    @Override
    public void setApplicationContext(ApplicationContext context) {
        executor.setApplicationContext(context);
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        executor.onApplicationEvent(event);
    }

    @Override
    public void start() {
        executor.start();
    }

    @Override
    public void stop() {
        executor.stop();
    }

    @Override
    public void stop(Runnable callback) {
        executor.stop(callback);
    }

    @Override
    public boolean isRunning() {
        return executor.isRunning();
    }

    @Override
    public int getPhase() {
        return executor.getPhase();
    }

    @Override
    public void destroy() {
        executor.destroy();
    }
}
