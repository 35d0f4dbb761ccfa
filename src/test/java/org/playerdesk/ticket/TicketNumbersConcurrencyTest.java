package org.playerdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/** Ticket numbers under concurrent intake: every number once, none skipped, each game on its own. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class TicketNumbersConcurrencyTest {

    static final int THREADS = 8;
    static final int TICKETS_EACH = 25;
    static final int EVERY_FIFTH = TICKETS_EACH / 5;

    @Autowired
    TestWorkspace workspace;

    record Numbers(List<Long> main, List<Long> other) {
    }

    @Test
    void numbersConcurrentTicketsOfANewGameOneToNExactlyOnce() throws Exception {
        GameInfo game = workspace.game();
        GameInfo other = workspace.game();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Numbers>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                String player = "p" + t;
                Callable<Numbers> intake = () -> {
                    start.await();
                    Numbers numbers = new Numbers(new ArrayList<>(), new ArrayList<>());
                    for (int i = 0; i < TICKETS_EACH; i++) {
                        numbers.main().add(workspace.ticket(game, player, "bug").ticket().number());
                        if (i % 5 == 0) {
                            numbers.other().add(workspace.ticket(other, player, "payment").ticket().number());
                        }
                    }
                    return numbers;
                };
                results.add(pool.submit(intake));
            }
            start.countDown();
        }

        List<Long> main = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (Future<Numbers> result : results) {
            Numbers ofOneThread = result.get();
            assertThat(ofOneThread.main()).as("one player's tickets are numbered in order").isSorted();
            main.addAll(ofOneThread.main());
            second.addAll(ofOneThread.other());
        }
        assertThat(main).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, THREADS * TICKETS_EACH).boxed().toList());
        assertThat(second).containsExactlyInAnyOrderElementsOf(
                LongStream.rangeClosed(1, THREADS * EVERY_FIFTH).boxed().toList());
    }
}
