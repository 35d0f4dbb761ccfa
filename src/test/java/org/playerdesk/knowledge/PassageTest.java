package org.playerdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PassageTest {

    @Test
    void marksEveryWordOfTheQueryWhateverItsCase() {
        assertThat(Passage.of("Refund rules: a refund takes 7 days.", List.of("refund"), 120))
                .isEqualTo("<mark>Refund</mark> rules: a <mark>refund</mark> takes 7 days.");
        assertThat(Passage.of("如果您的账号被盗，请立即修改密码。", List.of("账号", "被盗"), 120))
                .isEqualTo("如果您的<mark>账号</mark><mark>被盗</mark>，请立即修改密码。");
    }

    @Test
    void dropsMarkdownAndEscapesWhatTheArticleSays() {
        assertThat(Passage.of("## Refund\n\n**Refund** <script>alert(1)</script> within [7 days](/help/x)",
                List.of("refund"), 120))
                .isEqualTo("<mark>Refund</mark> <mark>Refund</mark> &lt;script&gt;alert(1)&lt;/script&gt; within 7 days");
    }

    @Test
    void aLongTextIsCutAroundTheFirstMatch() {
        String text = "a".repeat(300) + " refund " + "b".repeat(300);

        String passage = Passage.of(text, List.of("refund"), 120);

        assertThat(passage).startsWith("…").endsWith("…").contains("<mark>refund</mark>");
        assertThat(passage.replace("<mark>", "").replace("</mark>", "")).hasSize(122);
    }

    @Test
    void withoutAMatchThePassageIsTheStart() {
        assertThat(Passage.of("x".repeat(500), List.of("refund"), 120)).isEqualTo("x".repeat(120) + "…");
        assertThat(Passage.of(null, List.of("refund"), 120)).isEmpty();
    }

    @Test
    void aMatchAcrossTheCutIsMarkedUpToTheCutAndClosed() {
        String text = "y".repeat(400) + "refund" + "z".repeat(10);

        String passage = Passage.of(text, List.of("yrefund"), 120);

        assertThat(passage).contains("<mark>yrefund</mark>").doesNotContain("<mark>…");
        assertThat(passage.indexOf("<mark>")).isLessThan(passage.indexOf("</mark>"));
    }

    @Test
    void overlappingWordsAreMarkedOnce() {
        assertThat(Passage.of("被盗号了", List.of("被盗", "盗号"), 120)).isEqualTo("<mark>被盗</mark><mark>号</mark>了");
    }
}
