package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.embedding.Vectors;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The parts of a public article (its title and its sentences) that teach the game's answer model
 * what the article answers: made by the model's training, kept beside the article's vector, made
 * again after a new publication, never for an internal article; and, on a node whose embedding
 * model is still loading when its help center is first searched, made once the model is ready
 * rather than left out for good. The same context as {@code FaqEvaluationTest}, which measures
 * what they add to the bot.
 */
@SpringBootTest(properties = { "playerdesk.knowledge.vectors.interval=1h", "playerdesk.embedding.enabled=true",
        "playerdesk.assist.classifier-model=false" })
@Import({ TestWorkspace.class, KnowledgeTestArticles.class })
class ArticlePartsTest {

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

    @Test
    void aPublicArticlesTitleAndSentencesAreKeptBesideItsVectorAndMadeAgainWhenItIsPublishedAgain() {
        GameInfo game = workspace.game();
        UUID recharge = articles.publish(game, "en", "Recharge not received", """
                Log in again first. If the gems still did not arrive, send us the order number.

                - **We answer** within a day.""");
        UUID stolen = articles.publish(game, "zh-CN", "账号被盗怎么办", "立即修改密码。然后提交工单，写明最后一次正常登录的时间。");
        UUID internal = articles.publishInternal(game, "en", "How we check a theft", "Look at the login addresses.");
        await().atMost(Duration.ofMinutes(2)).until(embeddings::ready);
        vectors.refresh();
        vectors.forget();
        await().atMost(Duration.ofMinutes(1)).until(() -> vectors.answersReady(game.id()));

        int width = embeddings.dimensions() * 2;
        assertThat(parts(recharge)).as("the title and three sentences").hasSize(4 * width);
        assertThat(parts(stolen)).as("the title and two sentences").hasSize(3 * width);
        assertThat(parts(internal)).as("the bot never offers an internal article").isNull();
        float[] last = Vectors.fromBytes(Arrays.copyOfRange(parts(recharge), 3 * width, 4 * width));
        assertThat(Vectors.dot(last, embeddings.embed("We answer within a day.").orElseThrow()))
                .as("the last sentence, without Markdown's marks").isGreaterThan(0.99);

        jdbc.update("update kb_article set published_at = ? where id = ?", Timestamp.from(Instant.now().plusSeconds(60)),
                recharge);
        vectors.refresh();
        assertThat(parts(recharge)).as("cleared by the new publication's vector").isNull();
        assertThat(parts(stolen)).hasSize(3 * width);

        vectors.forget();
        await().atMost(Duration.ofMinutes(1)).until(() -> vectors.answersReady(game.id()));
        assertThat(parts(recharge)).as("made again by the next training").hasSize(4 * width);
    }

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
            assertThat(parts(recharge)).as("the title and two sentences").hasSize(3 * embeddings.dimensions() * 2);
        } finally {
            starting.stop();
        }
    }

    private byte[] parts(UUID article) {
        return jdbc.queryForObject("select parts from kb_article_vector where article_id = ?", byte[].class, article);
    }
}
