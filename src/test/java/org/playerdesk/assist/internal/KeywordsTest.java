package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void aLatinKeywordCountsOnlyAsAWholeWordWhereverItFirstAppears() {
        assertThat(Keywords.occurs("i love bananas", "ban")).isFalse();
        assertThat(Keywords.occurs("banana ban", "ban")).as("a later whole occurrence").isTrue();
        assertThat(Keywords.occurs("ban", "ban")).isTrue();
        assertThat(Keywords.occurs("unban me!", "ban")).isFalse();
        assertThat(Keywords.occurs("(ban)", "ban")).isTrue();
        assertThat(Keywords.occurs("被ban了", "ban")).as("next to Chinese").isTrue();
        assertThat(Keywords.occurs("ban2", "ban")).as("a digit is no letter").isTrue();
        assertThat(Keywords.occurs("i was locked out today", "locked out")).isTrue();
    }

    @Test
    void aChineseOrLetterlessKeywordCountsAnywhere() {
        assertThat(Keywords.occurs("我的号被盗了", "被盗")).isTrue();
        assertThat(Keywords.occurs("打12315投诉", "12315")).isTrue();
        assertThat(Keywords.occurs("a12315b", "12315")).isTrue();
        assertThat(Keywords.occurs("没事", "被盗")).isFalse();
    }

    @Test
    void countsEachKeywordOnce() {
        assertThat(Keywords.count("ban ban 封号 bans", List.of("ban", "封号", "bans", "banned"))).isEqualTo(3);
        assertThat(Keywords.count("", List.of("ban"))).isZero();
    }
}
