package org.playerdesk.assist.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.playerdesk.assist.Classification;
import org.playerdesk.assist.GameArea;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;

class RuleSetTest {

    @Test
    void readsTheTopicInChineseAndEnglish() {
        Classification stolen = RuleSet.judge("我的号被盗了，密码被改了");
        assertThat(stolen.type()).isEqualTo(TicketType.ACCOUNT_STOLEN);
        assertThat(stolen.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(stolen.area()).isEqualTo(GameArea.ACCOUNT);
        assertThat(stolen.typeConfidence()).isGreaterThanOrEqualTo(0.9);

        assertThat(RuleSet.judge("I was charged twice for the monthly card, please refund").type())
                .isEqualTo(TicketType.PAYMENT);
        assertThat(RuleSet.judge("游戏一打开就闪退").type()).isEqualTo(TicketType.BUG);
    }

    @Test
    void aQuestionWordDecidesOnlyWhenNothingElseMatches() {
        assertThat(RuleSet.judge("请问怎么兑换礼包码？").type()).isEqualTo(TicketType.REDEMPTION);
        assertThat(RuleSet.judge("请问周末有活动吗").type()).isEqualTo(TicketType.CONSULTATION);
    }

    @Test
    void urgencyRaisesThePriorityAndAbuseIsFlagged() {
        assertThat(RuleSet.judge("充值没到账，急！").priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(RuleSet.judge("垃圾客服，到底管不管").hostile()).isTrue();
        assertThat(RuleSet.judge("you useless idiots").hostile()).isTrue();
    }

    @Test
    void latinKeywordsMatchWholeWordsOnly() {
        assertThat(RuleSet.judge("I love bananas and ballet").type()).isEqualTo(TicketType.OTHER);
        assertThat(RuleSet.judge("I love bananas and ballet").typeConfidence()).isLessThan(0.5);
        assertThat(RuleSet.judge("Scunthorpe is a town").hostile()).isFalse();
    }
}
