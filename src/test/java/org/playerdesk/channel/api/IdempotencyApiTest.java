package org.playerdesk.channel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.channel.api.GameApiCalls.Stored;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/** Retrying a report with an Idempotency-Key never makes a second ticket. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class IdempotencyApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyPruning pruning;

    GameInfo game;
    GameApiCalls api;

    @BeforeEach
    void freshGame() {
        game = workspace.game();
        api = new GameApiCalls(mvc, workspace.apiKey(game));
    }

    @Test
    void sameKeyAndSameRequestAnswerTheSameTicket() throws Exception {
        String first = api.open(GameApiCalls.ticketJson("p1", "payment"), "retry-1")
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andReturn().getResponse().getContentAsString();
        // the same content written differently: other key order and spacing
        String again = api.open("""
                {   "message": "充值 648 元后钻石没有到账。", "subject": "充值未到账", "type": "payment",
                    "metadata": {"device": "iPhone 15", "clientVersion": "2.3.1"},
                    "player": {"server": "S12", "nickname": "风之子", "accountId": "p1"}   }
                """, "retry-1")
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();

        String id = JsonPath.read(first, "$.id");
        assertThat((String) JsonPath.read(again, "$.id")).isEqualTo(id);
        assertThat((Integer) JsonPath.read(again, "$.number")).isEqualTo(1);
        assertThat(Stored.in(jdbc, game)).isEqualTo(new Stored(1, 1, 1, 1));
    }

    @Test
    void sameKeyWithAnotherRequestIsRefused() throws Exception {
        api.open(GameApiCalls.ticketJson("p1", "payment"), "retry-2").andExpect(status().isCreated());

        api.open(GameApiCalls.ticketJson("p1", "bug"), "retry-2")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://playerdesk.org/problems/idempotency-key-reused"));
        assertThat(Stored.in(jdbc, game)).isEqualTo(new Stored(1, 1, 1, 1));
    }

    @Test
    void keysBelongToOneGame() throws Exception {
        GameInfo other = workspace.game();
        GameApiCalls otherApi = new GameApiCalls(mvc, workspace.apiKey(other));
        String mine = api.open(GameApiCalls.ticketJson("p1", "bug"), "shared-key")
                .andReturn().getResponse().getContentAsString();
        String theirs = otherApi.open(GameApiCalls.ticketJson("p1", "bug"), "shared-key")
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(theirs, "$.id")).isNotEqualTo(JsonPath.read(mine, "$.id"));
    }

    @Test
    void refusesMalformedKeys() throws Exception {
        for (String key : List.of("", "x".repeat(129), "with space", "键")) {
            api.open(GameApiCalls.ticketJson("p1", "bug"), key)
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        }
        api.open(GameApiCalls.ticketJson("p1", "bug"), "x".repeat(128)).andExpect(status().isCreated());
    }

    @Test
    void keysOlderThanTheRetentionAreForgottenOthersStillReplay() throws Exception {
        String old = api.open(GameApiCalls.ticketJson("p1", "bug"), "old-key")
                .andReturn().getResponse().getContentAsString();
        String fresh = api.open(GameApiCalls.ticketJson("p1", "bug"), "fresh-key")
                .andReturn().getResponse().getContentAsString();
        jdbc.update("update api_idempotency set created_at = created_at - interval '8' day where game_id = ? and idem_key = ?",
                game.id(), "old-key");

        assertThat(pruning.prune()).isPositive();

        String afterRetention = api.open(GameApiCalls.ticketJson("p1", "bug"), "old-key")
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "false"))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(afterRetention, "$.id")).isNotEqualTo(JsonPath.read(old, "$.id"));
        String replayed = api.open(GameApiCalls.ticketJson("p1", "bug"), "fresh-key")
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(replayed, "$.id")).isEqualTo(JsonPath.read(fresh, "$.id"));
        assertThat(Stored.in(jdbc, game).tickets()).isEqualTo(3);
    }

    @Test
    void concurrentRetriesWithOneKeyMakeOneTicket() throws Exception {
        List<MockHttpServletResponse> answers = race(8, () -> api.open(GameApiCalls.ticketJson("racer", "bug"),
                "concurrent-1").andReturn().getResponse());

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
        assertThat(answers).extracting(r -> (String) JsonPath.read(r.getContentAsString(), "$.id"))
                .containsOnly((String) JsonPath.read(answers.getFirst().getContentAsString(), "$.id"));
        assertThat(answers).extracting(r -> r.getHeader("Idempotent-Replayed")).containsOnlyOnce("false");
        assertThat(Stored.in(jdbc, game)).isEqualTo(new Stored(1, 1, 1, 1));
    }

    @Test
    void concurrentFirstContactsOfOneNewPlayerMakeOnePlayer() throws Exception {
        List<MockHttpServletResponse> answers = race(4,
                () -> api.open(GameApiCalls.ticketJson("newcomer", "bug")).andReturn().getResponse());

        assertThat(answers).extracting(MockHttpServletResponse::getStatus).containsOnly(201);
        assertThat(Stored.in(jdbc, game)).isEqualTo(new Stored(1, 4, 4, 0));
    }

    /** Runs the same call from several threads released at the same moment. */
    private static <T> List<T> race(int threads, Callable<T> call) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
