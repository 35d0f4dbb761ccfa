package org.playerdesk.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The rules of training without Spring: the seeded draw, the typing score and the scoring of closed questions. */
class TrainingRulesTest {

    private static final String TEXT = "您好，很高兴为您服务。请提供您的角色名和区服，我们马上为您查询充值记录。";

    private static List<UUID> bank(int size) {
        return IntStream.range(0, size).mapToObj(i -> new UUID(0, i + 1)).toList();
    }

    @Test
    void aDrawIsTheSameForTheSameSeedWhateverOrderTheBankIsReadIn() {
        List<UUID> bank = bank(10);
        List<UUID> first = ExamDraw.draw(bank, 4, 20261204L);
        assertThat(first).hasSize(4).doesNotHaveDuplicates().isSubsetOf(bank);
        assertThat(ExamDraw.draw(bank.reversed(), 4, 20261204L)).as("the bank in another order").isEqualTo(first);
        assertThat(ExamDraw.draw(bank, 4, 20261204L)).as("again, later").isEqualTo(first);
        assertThat(IntStream.range(0, 20).mapToObj(seed -> ExamDraw.draw(bank, 4, seed)).distinct().count())
                .as("other seeds draw otherwise").isGreaterThan(10);
        assertThat(ExamDraw.draw(bank(3), 5, 1L)).as("a bank smaller than the draw: all of it").hasSize(3);
    }

    @Test
    void typingCountsMatchingCharactersPerMinuteAndTheirShareOfThoseTyped() {
        int length = TEXT.codePointCount(0, TEXT.length());
        TypingScore exact = TypingScore.of(TEXT, TEXT, Duration.ofMinutes(1));
        assertThat(exact.correct()).isEqualTo(length);
        assertThat(exact.perMinute()).isEqualTo(length);
        assertThat(exact.accuracy()).isEqualTo(100);

        TypingScore halfSpeed = TypingScore.of(TEXT, TEXT, Duration.ofMinutes(2));
        assertThat(halfSpeed.perMinute()).isEqualTo(length / 2);

        // one character left out and one typed wrong: the rest still match
        String typed = TEXT.replace("很高兴", "很兴").replace("角色名", "脚色名");
        TypingScore slips = TypingScore.of(TEXT, typed, Duration.ofSeconds(30));
        assertThat(slips.typed()).isEqualTo(length - 1);
        assertThat(slips.correct()).isEqualTo(length - 2);
        assertThat(slips.perMinute()).isEqualTo((length - 2) * 2);
        assertThat(slips.accuracy()).isEqualTo((length - 2) * 100 / (length - 1));

        assertThat(TypingScore.of(TEXT, " 您好，\n很高兴 ", Duration.ofMinutes(1)).correct())
                .as("white space neither counts nor hurts").isEqualTo(6);
        TypingScore nothing = TypingScore.of(TEXT, "", Duration.ZERO);
        assertThat(nothing.perMinute()).isZero();
        assertThat(nothing.accuracy()).isZero();
        assertThat(TypingScore.of("abc", "abc", Duration.ZERO).perMinute())
                .as("at once: measured as one second").isEqualTo(180);
    }

    @Test
    void closedQuestionsScoreAllOrNothingAndShortAnswersWaitForALead() {
        Question single = question(QuestionKind.SINGLE, "2", 2);
        assertThat(single.score(" 2 ")).isEqualTo(2);
        assertThat(single.score("1")).isZero();
        assertThat(single.score(null)).isZero();
        Question several = question(QuestionKind.MULTIPLE, "1,3", 3);
        assertThat(several.score("3, 1")).as("in any order").isEqualTo(3);
        assertThat(several.score("1")).as("not all of them").isZero();
        assertThat(several.score("1,2,3")).as("one too many").isZero();
        assertThat(several.score("x")).isZero();
        Question trueOrFalse = question(QuestionKind.TRUE_FALSE, "false", 1);
        assertThat(trueOrFalse.score("false")).isEqualTo(1);
        assertThat(trueOrFalse.score("true")).isZero();
        assertThat(question(QuestionKind.SHORT, null, 5).score("先安抚玩家情绪")).isNull();
    }

    @Test
    void anArticleIsNamedByItsIdOrItsAddress() {
        UUID id = UUID.randomUUID();
        assertThat(TrainingCatalog.articleId(id.toString())).isEqualTo(id);
        assertThat(TrainingCatalog.articleId(" http://localhost:8080/console/knowledge/articles/" + id + "?x=1 "))
                .isEqualTo(id);
        assertThat(TrainingCatalog.articleId("退款流程")).isNull();
    }

    private static Question question(QuestionKind kind, String answer, int points) {
        return new Question(UUID.randomUUID(), UUID.randomUUID(), kind, "Q", "问", List.of("a", "b", "c"),
                List.of("甲", "乙", "丙"), answer, points);
    }
}
