package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.assist.Mood;
import org.playerdesk.assist.Mood.Category;
import org.playerdesk.assist.Mood.Level;
import org.playerdesk.embedding.Softmax;
import org.playerdesk.ticket.TicketType;

class MoodCuesTest {

    @Test
    void insultsSwearingAndShoutingAreHostileInBothLanguages() {
        assertThat(MoodCues.judge("你们这些废物客服，到底管不管")).isEqualTo(new Mood(Level.HOSTILE, Category.INSULT, 0.7));
        assertThat(MoodCues.judge("wtf is this shit").category()).isEqualTo(Category.PROFANITY);
        assertThat(MoodCues.judge("GIVE ME MY DIAMONDS BACK NOW!!!").category()).isEqualTo(Category.ANGER);
    }

    @Test
    void worriesAndLetDownsAreUpsetAndPlainQuestionsCalm() {
        assertThat(MoodCues.judge("I'm really disappointed with this update").level()).isEqualTo(Level.UPSET);
        assertThat(MoodCues.judge("充值了还没到账，好担心").category()).isEqualTo(Category.ANXIETY);
        assertThat(MoodCues.judge("请问周末有活动吗").level()).isEqualTo(Level.CALM);
        // an abbreviation alone is not shouting, nor is a word inside another an insult
        assertThat(MoodCues.judge("My VIP level did not update!!").level()).isNotEqualTo(Level.HOSTILE);
        assertThat(MoodCues.judge("Scunthorpe is a town").level()).isEqualTo(Level.CALM);
    }

    @Test
    void cuesCountCapitalsExclamationsAndThreats() {
        double[] shouted = MoodCues.features("I WANT A REFUND NOW!!! or i will report you to the app store");
        assertThat(MoodCues.capsRatio("I WANT A REFUND NOW")).isGreaterThan(0.9);
        assertThat(shouted[MoodCues.CATEGORIES.indexOf(Category.THREAT)]).isPositive();
        assertThat(shouted[MoodCues.CATEGORIES.indexOf(Category.ULTIMATUM)]).isPositive();
        assertThat(shouted[MoodCues.CATEGORIES.size() + 1]).isEqualTo(1.0);
        assertThat(MoodCues.features("好的谢谢")).containsOnly(0.0, 4 / 300.0);
    }

    @Test
    void theSeedSetReadsLabelsWithOrWithoutACategory() {
        String tsv = "type\tpriority\tmood\tcategory\tarticle\ttext\n"
                + "bug\tnormal\tcalm\t-\t-\t游戏闪退\n"
                + "complaint\thigh\thostile\tthreat\t-\tI will go to the FTC\n"
                + "payment\thigh\tupset\t\t-\tstill no diamonds\n";
        List<SeedSet.Message> messages = SeedSet.read(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
        assertThat(messages).extracting(SeedSet.Message::mood).containsExactly("calm", "threat", "upset");
        assertThat(messages.get(1).type()).isEqualTo(TicketType.COMPLAINT);
        assertThat(TicketClassifier.levelOf("threat")).isEqualTo(Level.HOSTILE);
        assertThat(TicketClassifier.levelOf("upset")).isEqualTo(Level.UPSET);
    }

    @Test
    void softmaxLearnsSeparableClassesWithTheirWeights() {
        double[][] rows = { { 0, 1 }, { 0.1, 0.9 }, { 1, 0 }, { 0.9, 0.2 }, { 0.5, 0.5 } };
        int[] classes = { 0, 0, 1, 1, 1 };
        Softmax model = Softmax.train(List.of("a", "b"), rows, classes, new double[] { 1, 1, 1, 1, 0.01 },
                Softmax.Settings.DEFAULT);
        assertThat(Softmax.argmax(model.probabilities(new double[] { 0, 1 }))).isZero();
        assertThat(Softmax.argmax(model.probabilities(new double[] { 1, 0.1 }))).isOne();
        assertThat(model.probabilities(new double[] { 0.2, 0.8 })[0]).isGreaterThan(0.7);
    }
}
