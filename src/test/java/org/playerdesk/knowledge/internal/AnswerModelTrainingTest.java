package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node whose embedding model is still loading when its help center is first searched (the
 * articles' vectors are in the database from before) trains the game's answer model once the model
 * is ready, with the articles' parts, rather than without them for good. The same context as
 * {@code FaqEvaluationTest}.
 */
@SpringBootTest(properties = { "playerdesk.knowledge.vectors.interval=1h", "playerdesk.embedding.enabled=true",
        "playerdesk.assist.classifier-model=false" })
@Import({ TestWorkspace.class, KnowledgeTestArticles.class })
class AnswerModelTrainingTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    ArticleVectors vectors;
    @Autowired
    TextEmbeddings embeddings;
    @Autowired
    JdbcTemplate jdbc;

    /** The node's model, said to be loading until {@code ready} is set. */
    static final class Loading implements TextEmbeddings {
        final TextEmbeddings model;
        volatile boolean ready;

        Loading(TextEmbeddings model) {
            this.model = model;
        }

        @Override
        public State state() {
            return ready ? model.state() : State.LOADING;
        }

        @Override
        public String model() {
            return model.model();
        }

        @Override
        public int dimensions() {
            return model.dimensions();
        }

        @Override
        public Optional<float[]> embed(String text) {
            return ready ? model.embed(text) : Optional.empty();
        }

        @Override
        public Optional<List<float[]>> embedAll(List<String> texts) {
            return ready ? model.embedAll(texts) : Optional.empty();
        }

        @Override
        public Optional<List<float[]>> embedAllKept(String name, List<String> texts) {
            return ready ? model.embedAllKept(name, texts) : Optional.empty();
        }
    }

    @Test
    void aTrainingAskedForWhileTheEmbeddingModelLoadsWaitsForItAndTakesTheArticlesParts() {
        GameInfo game = workspace.game();
        UUID recharge = articles.publish(game, "en", "Recharge not received", "Log in again first. Then send us the order number.");
        articles.publish(game, "en", "My account was stolen", "Reset your password at once. Then send us a ticket.");
        await().atMost(Duration.ofMinutes(2)).until(embeddings::ready);
        vectors.refresh(); // the articles' own vectors, as a node before this start made them

        Loading loading = new Loading(embeddings);
        ArticleVectors starting = new ArticleVectors(loading, jdbc, Clock.systemUTC());
        try {
            assertThat(starting.any(game.id())).as("the vectors are there, the model is not").isTrue();
            assertThat(starting.answersReady(game.id())).isFalse();

            loading.ready = true;
            await().atMost(Duration.ofMinutes(1)).until(() -> starting.answersReady(game.id()));
            assertThat(jdbc.queryForObject("select parts from kb_article_vector where article_id = ?", byte[].class,
                    recharge)).as("the title and two sentences").hasSize(3 * embeddings.dimensions() * 2);
        } finally {
            starting.stop();
        }
    }
}
