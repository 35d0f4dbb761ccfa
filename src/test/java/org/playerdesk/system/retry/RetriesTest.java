package org.playerdesk.system.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.util.backoff.BackOffExecution;

class RetriesTest {

    final AtomicInteger calls = new AtomicInteger();

    @Test
    void triesAgainUntilTheWorkSucceeds() {
        RetryTemplate retry = Retries.atOnce(3, OptimisticLockingFailureException.class);

        String answer = retry.invoke(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new OptimisticLockingFailureException("changed meanwhile");
            }
            return "done";
        });

        assertThat(answer).isEqualTo("done");
        assertThat(calls).hasValue(3);
    }

    @Test
    void givesUpAfterTheAttemptsWithTheLastFailureItself() {
        RetryTemplate retry = Retries.atOnce(3, OptimisticLockingFailureException.class);

        assertThatThrownBy(() -> retry.invoke(() -> {
            throw new OptimisticLockingFailureException("conflict " + calls.incrementAndGet());
        })).isExactlyInstanceOf(OptimisticLockingFailureException.class).hasMessage("conflict 3");
        assertThat(calls).hasValue(3);
    }

    @Test
    void anotherFailureOrOneThatMerelyWrapsARetryableOneIsNotTriedAgain() {
        RetryTemplate retry = Retries.atOnce(3, DataIntegrityViolationException.class);

        assertThatThrownBy(() -> retry.invoke(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("refused");
        })).isExactlyInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> retry.invoke(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException(new DataIntegrityViolationException("inside"));
        })).isExactlyInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void oneAttemptIsNoRetry() {
        RetryTemplate retry = Retries.atOnce(1, failure -> true);

        assertThatThrownBy(() -> retry.invoke(() -> {
            calls.incrementAndGet();
            throw new OptimisticLockingFailureException("conflict");
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(calls).hasValue(1);
        assertThatThrownBy(() -> Retries.atOnce(0, failure -> true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pausesGrowByOneStepEachTimeAndStopAfterTheLastAttempt() {
        BackOffExecution pauses = Retries.linear(4, Duration.ofMillis(250)).start();

        List<Long> taken = new ArrayList<>();
        for (long pause = pauses.nextBackOff(); pause != BackOffExecution.STOP; pause = pauses.nextBackOff()) {
            taken.add(pause);
        }

        assertThat(taken).containsExactly(250L, 500L, 750L);
    }

    @Test
    void pausingLongerTriesAsOftenAsAsked() {
        RetryTemplate retry = Retries.pausingLonger(3, Duration.ofMillis(1), DataIntegrityViolationException.class);

        assertThatThrownBy(() -> retry.invoke(() -> {
            calls.incrementAndGet();
            throw new DataIntegrityViolationException("busy");
        })).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(calls).hasValue(3);
    }
}
