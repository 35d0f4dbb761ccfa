package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

class AnswerModelTest {

    static final int DIMENSIONS = 32;
    final Random random = new Random(7);

    /** A unit vector near {@code centre}: the centre plus a little noise. */
    float[] near(float[] centre, double noise) {
        float[] v = new float[centre.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] + noise * random.nextGaussian());
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    float[] topic() {
        float[] centre = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            centre[i] = (float) random.nextGaussian();
        }
        return near(centre, 0);
    }

    @Test
    void anArticleAndItsTranslationAreOneAnswerFoundByBeingEachOthersNearest() {
        float[] stolen = topic();
        float[] refund = topic();
        UUID stolenZh = UUID.randomUUID();
        UUID stolenEn = UUID.randomUUID();
        UUID refundZh = UUID.randomUUID();
        UUID refundEn = UUID.randomUUID();
        UUID alone = UUID.randomUUID();
        Map<UUID, Integer> answers = AnswerModel.answers(List.of(
                new AnswerModel.Example(stolenZh, "zh-CN", AnswerModel.Kind.ARTICLE, near(stolen, 0.05)),
                new AnswerModel.Example(stolenEn, "en", AnswerModel.Kind.ARTICLE, near(stolen, 0.05)),
                new AnswerModel.Example(refundZh, "zh-CN", AnswerModel.Kind.ARTICLE, near(refund, 0.05)),
                new AnswerModel.Example(refundEn, "en", AnswerModel.Kind.ARTICLE, near(refund, 0.05)),
                // a third article in Chinese on its own topic: nobody's translation
                new AnswerModel.Example(alone, "zh-CN", AnswerModel.Kind.ARTICLE, topic())));

        assertThat(answers.get(stolenZh)).isEqualTo(answers.get(stolenEn));
        assertThat(answers.get(refundZh)).isEqualTo(answers.get(refundEn));
        assertThat(answers.get(stolenZh)).isNotEqualTo(answers.get(refundZh));
        assertThat(answers.get(alone)).isNotIn(answers.get(stolenZh), answers.get(refundZh));
        assertThat(answers.values()).containsOnly(0, 1, 2);
    }

    @Test
    void twoArticlesOfOneLanguageAreNeverOneAnswerHoweverAlike() {
        float[] same = topic();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Map<UUID, Integer> answers = AnswerModel.answers(List.of(new AnswerModel.Example(first, "zh-CN", AnswerModel.Kind.ARTICLE,
                near(same, 0.01)), new AnswerModel.Example(second, "zh-CN", AnswerModel.Kind.ARTICLE, near(same, 0.01))));

        assertThat(answers.get(first)).isNotEqualTo(answers.get(second));
    }

    @Test
    void theSimilarQuestionsTeachWhichArticleAnswersAndTheChancesAddUpToOne() {
        List<float[]> topics = List.of(topic(), topic(), topic());
        List<UUID> articles = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<AnswerModel.Example> examples = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            examples.add(new AnswerModel.Example(articles.get(t), "zh-CN", AnswerModel.Kind.ARTICLE, near(topics.get(t), 0.1)));
            for (int q = 0; q < 8; q++) {
                examples.add(new AnswerModel.Example(articles.get(t), "zh-CN", AnswerModel.Kind.QUESTION, near(topics.get(t), 0.3)));
            }
        }
        AnswerModel model = AnswerModel.train(examples);

        assertThat(model.answers()).isEqualTo(3);
        ToDoubleFunction<UUID> chances = model.chances(near(topics.get(1), 0.3));
        assertThat(chances.applyAsDouble(articles.get(1))).isGreaterThan(0.8);
        assertThat(articles.stream().mapToDouble(chances::applyAsDouble).sum()).isCloseTo(1, within(1e-9));
        assertThat(chances.applyAsDouble(UUID.randomUUID())).as("an article it was not trained on").isNaN();
    }

    @Test
    void noModelForASingleAnswerNorForMoreArticlesThanItTrainsInTheBackground() {
        float[] one = topic();
        UUID article = UUID.randomUUID();
        assertThat(AnswerModel.train(List.of(new AnswerModel.Example(article, "zh-CN", AnswerModel.Kind.ARTICLE, near(one, 0.1)),
                new AnswerModel.Example(article, "zh-CN", AnswerModel.Kind.QUESTION, near(one, 0.2))))).isNull();

        List<AnswerModel.Example> many = new ArrayList<>();
        for (int i = 0; i <= AnswerModel.MAX_ARTICLES; i++) {
            many.add(new AnswerModel.Example(UUID.randomUUID(), "zh-CN", AnswerModel.Kind.ARTICLE, topic()));
        }
        assertThat(AnswerModel.train(many)).isNull();
    }

    @Test
    void anArticlesPartsAreItsTitleAndSentencesWithoutMarkdownsMarks() {
        assertThat(AnswerModel.parts("充值未到账怎么办", """
                充值成功但钻石没有到账时，请先重新登录游戏。仍未到账请提交工单，并提供：

                - 订单号
                - **支付截图**
                1. ok""")).containsExactly("充值未到账怎么办", "充值成功但钻石没有到账时，请先重新登录游戏。", "仍未到账请提交工单，并提供：", "订单号",
                "支付截图");
        assertThat(AnswerModel.parts("Recharge", "Version 1.5 is out. Log in again! Then wait 10 min.; Done. OK"))
                .as("a decimal point ends no sentence; a part shorter than three characters is dropped")
                .containsExactly("Recharge", "Version 1.5 is out.", "Log in again!", "Then wait 10 min.;", "Done.");
        assertThat(AnswerModel.parts("Title", "A long sentence here. ".repeat(30))).hasSize(AnswerModel.MAX_PARTS);
        assertThat(AnswerModel.parts(null, null)).isEmpty();
    }

    @Test
    void anArticlesPartsTeachWhatItAnswersBeforeAnySimilarQuestion() {
        // each article covers three sub-topics; its own vector is their mean, and a question asks about one of them
        List<List<float[]>> subTopics = List.of(List.of(topic(), topic(), topic()), List.of(topic(), topic(), topic()),
                List.of(topic(), topic(), topic()));
        List<UUID> articles = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<AnswerModel.Example> alone = new ArrayList<>();
        List<AnswerModel.Example> withParts = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            float[] mean = new float[DIMENSIONS];
            for (float[] sub : subTopics.get(a)) {
                for (int i = 0; i < DIMENSIONS; i++) {
                    mean[i] += sub[i];
                }
            }
            AnswerModel.Example article = new AnswerModel.Example(articles.get(a), "en", AnswerModel.Kind.ARTICLE,
                    near(mean, 0));
            alone.add(article);
            withParts.add(article);
            for (float[] sub : subTopics.get(a)) {
                withParts.add(new AnswerModel.Example(articles.get(a), "en", AnswerModel.Kind.PART, near(sub, 0.1)));
            }
        }
        AnswerModel before = AnswerModel.train(alone);
        AnswerModel after = AnswerModel.train(withParts);

        // every sub-topic asked about five times: the right article's mean chance
        double meanBefore = 0;
        double meanAfter = 0;
        for (int a = 0; a < 3; a++) {
            for (float[] sub : subTopics.get(a)) {
                for (int q = 0; q < 5; q++) {
                    float[] question = near(sub, 0.15);
                    meanBefore += before.chances(question).applyAsDouble(articles.get(a)) / 45;
                    meanAfter += after.chances(question).applyAsDouble(articles.get(a)) / 45;
                }
            }
        }
        assertThat(meanAfter).isGreaterThan(meanBefore + 0.1);
        assertThat(AnswerModel.train(withParts).answers()).as("parts are no articles of their own").isEqualTo(3);
    }

    @Test
    void aLargeHelpCentersPartsAreTakenATitleFirstWithinTheBudget() {
        List<UUID> articles = new ArrayList<>();
        List<AnswerModel.Example> examples = new ArrayList<>();
        int perArticle = 10;
        int count = AnswerModel.PARTS_BUDGET / 4; // four parts each fit, ten do not
        for (int a = 0; a < count; a++) {
            UUID id = UUID.randomUUID();
            articles.add(id);
            examples.add(new AnswerModel.Example(id, "en", AnswerModel.Kind.ARTICLE, topic()));
            examples.add(new AnswerModel.Example(id, "en", AnswerModel.Kind.QUESTION, topic()));
            for (int p = 0; p < perArticle; p++) {
                float[] v = topic();
                v[0] = p; // the part's rank, to recognise it
                examples.add(new AnswerModel.Example(id, "en", AnswerModel.Kind.PART, v));
            }
        }

        List<AnswerModel.Example> within = AnswerModel.withinBudget(examples);

        assertThat(within.stream().filter(e -> e.kind() == AnswerModel.Kind.PART)).hasSize(AnswerModel.PARTS_BUDGET)
                .allMatch(e -> e.vector()[0] < 4, "only the first four parts of each article");
        assertThat(within.stream().filter(e -> e.kind() != AnswerModel.Kind.PART))
                .as("every article and similar question kept").hasSize(2 * count);
        List<AnswerModel.Example> few = examples.subList(0, 2 + perArticle);
        assertThat(AnswerModel.withinBudget(few)).isSameAs(few);
    }
}
