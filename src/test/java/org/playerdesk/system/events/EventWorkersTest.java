package org.playerdesk.system.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class EventWorkersTest {

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(EventWorkers.class, Listener.Config.class);

    @Test
    void aBurstRunsOnTheConfiguredWorkersAndNothingIsLeftOut() {
        contexts.withPropertyValues("playerdesk.events.workers=3").run(context -> {
            Listener listener = context.getBean(Listener.class);
            List<CompletableFuture<Void>> runs = IntStream.range(0, 60).mapToObj(i -> listener.handle()).toList();

            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            // through methods: the bean is a proxy whose own fields are unused
            assertThat(listener.handled()).isEqualTo(60);
            assertThat(listener.mostAtOnce()).isEqualTo(3);
            assertThat(listener.threads()).hasSize(3).allMatch(name -> name.startsWith("event-"));
            // not a bean: Spring Boot would hand a lone AsyncTaskExecutor to the chat's STOMP channels
            assertThat(context.getBeansOfType(AsyncTaskExecutor.class)).isEmpty();
            assertThat(context.getBean(MeterRegistry.class).get("executor.queued").tag("name", "eventWorkerThreads")
                    .gauge().value()).isZero();
        });
    }

    @Test
    void aStoppedContextHoldsItsEventsAndHandsThemOverWhenItStartsAgain() {
        contexts.withPropertyValues("playerdesk.events.workers=2").run(context -> {
            Listener listener = context.getBean(Listener.class);
            context.stop();
            CompletableFuture<Void> held = listener.handle();
            TimeUnit.MILLISECONDS.sleep(300);
            assertThat(held).isNotDone();

            context.start();

            held.get(10, TimeUnit.SECONDS);
            assertThat(listener.handled()).isEqualTo(1);
        });
    }

    @Test
    void noWorkersIsRefusedAtStartWithTheSetting() {
        contexts.withPropertyValues("playerdesk.events.workers=0").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("playerdesk.events.workers");
        });
    }

    static class Listener {

        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger handled = new AtomicInteger();
        final Set<String> threads = ConcurrentHashMap.newKeySet();

        int handled() {
            return handled.get();
        }

        int mostAtOnce() {
            return mostAtOnce.get();
        }

        Set<String> threads() {
            return threads;
        }

        @Async
        CompletableFuture<Void> handle() {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            threads.add(Thread.currentThread().getName());
            try {
                TimeUnit.MILLISECONDS.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            handled.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }

        @Configuration(proxyBeanMethods = false)
        static class Config {
            @Bean
            Listener listener() {
                return new Listener();
            }

            @Bean
            MeterRegistry meterRegistry() {
                return new SimpleMeterRegistry();
            }
        }
    }
}
