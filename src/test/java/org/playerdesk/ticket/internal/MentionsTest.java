package org.playerdesk.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts as a mention in a note: a user name after an @ that does not end a word. */
class MentionsTest {

    @Test
    void aUserNameAfterAnAtIsAMentionAlsoInsideChineseText() {
        assertThat(Mentions.names("@lin 请看")).containsExactly("lin");
        assertThat(Mentions.names("请@xiao.lin看一下，@Wang_2 也看看")).containsExactly("xiao.lin", "wang_2");
        assertThat(Mentions.names("（@lin）")).containsExactly("lin");
    }

    @Test
    void eachNameOnceInTheOrderWritten() {
        assertThat(Mentions.names("@zhao @lin @ZHAO")).containsExactly("zhao", "lin");
    }

    @Test
    void anEmailAddressOrALoneAtIsNoMention() {
        assertThat(Mentions.names("玩家邮箱 player@example.com，备用 a.b@c.d")).isEmpty();
        assertThat(Mentions.names("@ 和 @@lin 和 @x")).isEmpty();
        assertThat(Mentions.names(null)).isEmpty();
    }

    @Test
    void aNameEndingASentenceKeepsItsFullStopForTheLookUpToDecide() {
        // "lin." may be a user name; resolving tries it as written, then without the full stop
        assertThat(Mentions.names("请 @lin. 谢谢")).containsExactly("lin.");
    }
}
