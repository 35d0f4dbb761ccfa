package org.playerdesk.incident.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.playerdesk.incident.internal.OutageText.Kind;

/** Outage reports are recognised in Chinese and English, in their varied wordings, and nothing else is. */
class OutageTextTest {

    @Test
    void normalisesWidthCaseSpacesPunctuationAndStretchedLetters() {
        assertThat(OutageText.normalise("Can't  LOG-IN！！")).isEqualTo("cantlogin");
        assertThat(OutageText.normalise("ＬＡＧＧＧＧ so bad")).isEqualTo("lagsobad");
        assertThat(OutageText.normalise("off")).isEqualTo("off");
        assertThat(OutageText.normalise("服务器，卡顿。。")).isEqualTo("服务器卡顿");
        assertThat(OutageText.normalise(null)).isEmpty();
    }

    @Test
    void recognisesOutageWordsInChineseAndEnglish() {
        assertThat(OutageText.kinds("服务器卡顿，一直转圈")).contains(Kind.LAG);
        assertThat(OutageText.kinds("打着打着就掉线了")).containsExactly(Kind.DISCONNECT);
        assertThat(OutageText.kinds("登不上去了怎么回事")).containsExactly(Kind.LOGIN);
        assertThat(OutageText.kinds("登陆不了，提示网络异常")).contains(Kind.LOGIN, Kind.DISCONNECT);
        assertThat(OutageText.kinds("一进副本就闪退")).containsExactly(Kind.CRASH);
        assertThat(OutageText.kinds("S12 is laggggy, 300 ping")).contains(Kind.LAG);
        assertThat(OutageText.kinds("I can't log in since 8pm")).containsExactly(Kind.LOGIN);
        assertThat(OutageText.kinds("keeps DISCONNECTING every minute")).contains(Kind.DISCONNECT);
        assertThat(OutageText.kinds("game crashed on startup")).contains(Kind.CRASH);
    }

    @Test
    void leavesOrdinaryQuestionsAlone() {
        assertThat(OutageText.isOutage("充值卡怎么使用？")).isFalse();
        assertThat(OutageText.isOutage("卡牌合成的规则是什么")).isFalse();
        assertThat(OutageText.isOutage("How do I change my nickname?")).isFalse();
        assertThat(OutageText.isOutage("我想举报一个外挂玩家")).isFalse();
        assertThat(OutageText.isOutage("Where is the flag event shop?")).isFalse();
        assertThat(OutageText.isOutage("")).isFalse();
    }

    @Test
    void similarityComparesCharacterBigrams() {
        assertThat(OutageText.similarity("服务器卡顿严重", "服务器卡顿严重")).isEqualTo(100);
        assertThat(OutageText.similarity("服务器卡顿严重", "服务器好卡啊")).isBetween(30, 80);
        assertThat(OutageText.similarity("服务器卡顿", "怎么改名字")).isZero();
        assertThat(OutageText.similarity("", "x")).isZero();
    }
}
