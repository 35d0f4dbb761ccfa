package org.playerdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.embedding.TextEmbeddings;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.internal.ArticleVectors;
import org.playerdesk.knowledge.internal.KnowledgeTestArticles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Similar questions (相似问): learned from what players said an article solved, within bounds,
 * and searched by meaning beside their article while it is published. The same context as
 * {@link FaqEvaluationTest}, which measures what they add to the search and the bot.
 */
// meaning for search only: the classifier's seed set is not trained, which would take both cores
// for a minute in the background, under the feet of the test classes that run next
@SpringBootTest(properties = { "playerdesk.knowledge.vectors.interval=1h", "playerdesk.embedding.enabled=true",
        "playerdesk.assist.classifier-model=false" })
@Import({ TestWorkspace.class, KnowledgeTestArticles.class })
class SimilarQuestionsTest {

    @Autowired
    TestWorkspace workspace;
    @Autowired
    KnowledgeTestArticles articles;
    @Autowired
    SimilarQuestions questions;
    @Autowired
    ArticleVectors vectors;
    @Autowired
    TextEmbeddings embeddings;

    @Test
    void aPlayersQuestionIsLearnedOnceWithinItsBoundsAndNeverWithTheirOwnDetails() {
        GameInfo game = workspace.game();
        UUID article = articles.publish(game, "en", "Recharge not received", "Wait ten minutes, then send the receipt.");

        assertThat(questions.learn(article, "  paid   but no gems  ")).isTrue();
        assertThat(questions.learn(article, "paid but no gems")).as("already there").isFalse();
        assertThat(questions.learn(article, "gem")).as("too short").isFalse();
        assertThat(questions.learn(article, "x".repeat(SimilarQuestions.QUESTION_MAX + 1))).as("too long").isFalse();
        assertThat(questions.learn(article, "paid 648 but nothing, my account is 2233445566")).as("an account number")
                .isFalse();
        assertThat(questions.learn(article, "no gems, write me at someone@example.com")).as("an address").isFalse();
        assertThat(questions.learn(UUID.randomUUID(), "paid but no gems")).as("no such article").isFalse();
        assertThat(questions.of(article))
                .containsExactly(new SimilarQuestions.Question("paid but no gems", SimilarQuestions.Source.LEARNED));

        List<String> full = new ArrayList<>();
        for (int i = 0; i < SimilarQuestions.PER_ARTICLE_MAX; i++) {
            full.add("recharge question number " + (char) ('a' + i % 26) + (char) ('a' + i / 26));
        }
        questions.replace(article, game.id(), full);
        assertThat(questions.learn(article, "where are my gems")).as("the article holds as many as it may").isFalse();
        assertThat(questions.of(article)).hasSize(SimilarQuestions.PER_ARTICLE_MAX)
                .allMatch(q -> q.source() == SimilarQuestions.Source.EDITOR);
    }

    @Test
    void aSimilarQuestionIsSearchedByMeaningBesideItsArticleWhileTheArticleIsPublished() {
        GameInfo game = workspace.game();
        UUID article = articles.publish(game, "zh-CN", "充值未到账", "请等待十分钟，仍未到账请提交工单并附上支付凭证。");
        String asked = "I bought the monthly card but it never showed up";
        questions.replace(article, game.id(), List.of(asked));
        await().atMost(Duration.ofMinutes(2)).until(embeddings::ready);
        vectors.refresh();
        vectors.forget();

        float[] query = embeddings.embed(asked).orElseThrow();
        ArticleVectors.Near near = vectors.nearest(game.id(), query, null, 5).get(0);
        assertThat(near.entry().articleId()).isEqualTo(article);
        assertThat(near.question()).as("the question itself").isGreaterThan(0.99);
        assertThat(near.similarity()).isGreaterThan(near.article());

        questions.replace(article, game.id(), List.of());
        vectors.refresh();
        vectors.forget();
        assertThat(vectors.nearest(game.id(), query, null, 5).get(0).question()).isNaN();

        questions.replace(article, game.id(), List.of(asked));
        vectors.refresh();
        articles.unpublish(article);
        vectors.refresh();
        vectors.forget();
        assertThat(vectors.nearest(game.id(), query, null, 5)).isEmpty();
        assertThat(questions.of(article)).as("kept with the article for when it is published again").hasSize(1);
    }
}
