package org.playerdesk.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class GlossaryTest {

    private final Glossary glossary = Glossary.read(new ByteArrayInputStream("""
            # test glossary
            账号\taccount|acc|acct
            被盗\thacked|stolen|got hacked
            充值\ttop up|recharge
            钻石\tdiamonds|gems
            没到账\tnot received|didn't arrive
            """.getBytes(StandardCharsets.UTF_8)));

    @Test
    void aChineseTextGetsTheEnglishWordsOfItsTerms() {
        assertThat(glossary.counterparts("我的账号被盗了")).containsExactly("account", "hacked");
        assertThat(glossary.bridge("充值钻石没到账")).isEqualTo("充值钻石没到账\ntop up diamonds not received");
    }

    @Test
    void anEnglishTextGetsTheChineseTermsOfItsWordsAndPhrasesWhateverTheirCase() {
        assertThat(glossary.counterparts("My ACC got hacked!!")).containsExactly("账号", "被盗");
        assertThat(glossary.counterparts("I did a top up but the gems didn't arrive"))
                .containsExactlyInAnyOrder("充值", "钻石", "没到账");
        // whole words only: "accident" is not "acc", "stolenness" is not "stolen"
        assertThat(glossary.counterparts("an accident")).isEmpty();
    }

    @Test
    void aTextWithoutKnownTermsIsLeftAsItIs() {
        assertThat(glossary.bridge("hello there")).isEqualTo("hello there");
        assertThat(glossary.bridge("")).isEmpty();
        assertThat(glossary.counterparts(null)).isEmpty();
    }

    @Test
    void theBuiltInGlossaryCoversGameSupportWordsBothWays() {
        Glossary builtIn = Glossary.builtIn();
        assertThat(builtIn.size()).isGreaterThan(300);
        assertThat(builtIn.counterparts("my account was hacked")).contains("账号");
        assertThat(builtIn.counterparts("游戏闪退")).isNotEmpty();
    }

    @Test
    void vectorsKeepTheirDirectionInTheirStoredForm() {
        float[] v = Vectors.normalised(new float[] { 3, 4, 0, -1.5f });
        float[] back = Vectors.fromBytes(Vectors.toBytes(v));
        assertThat(back).hasSize(4);
        assertThat(Vectors.dot(v, back)).isGreaterThan(0.999);
        assertThat(Vectors.normalised(new float[] { 0, 0 })).containsExactly(0, 0);
    }
}
