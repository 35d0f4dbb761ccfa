package org.playerdesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ForbiddenPhrasesTest {

    final UUID game = UUID.randomUUID();
    final List<ForbiddenPhrase> phrases = List.of(new ForbiddenPhrase(game, "你懂不懂", false),
            new ForbiddenPhrase(game, "不知道", true), new ForbiddenPhrase(game, "I don't know", true));

    @Test
    void findsAForbiddenPhraseAnywhereInTheReply() {
        assertThat(ForbiddenPhrases.found("这个你懂不懂最基本的操作？", phrases)).containsExactly("你懂不懂");
    }

    @Test
    void findsABarePhraseOnlyAsAWholeSentence() {
        assertThat(ForbiddenPhrases.found("不知道。", phrases)).containsExactly("不知道");
        assertThat(ForbiddenPhrases.found("您好，请稍等。不知道！", phrases)).containsExactly("不知道");
        assertThat(ForbiddenPhrases.found("I don't know.", phrases)).containsExactly("I don't know");
        assertThat(ForbiddenPhrases.found("您不知道密码的话，可以通过手机找回。", phrases)).isEmpty();
        assertThat(ForbiddenPhrases.found("If I don't know the answer I will ask.", phrases)).isEmpty();
        assertThat(ForbiddenPhrases.found("", phrases)).isEmpty();
        assertThat(ForbiddenPhrases.found(null, phrases)).isEmpty();
    }

    @Test
    void fillsTheTicketsVariablesAndLeavesUnknownOrEmptyOnesForTheAgent() {
        ReplyVariables variables = ReplyVariables.of("小明", "10086", "S1", "", "客服小王", 42, "测试游戏");

        assertThat(variables.fill("{player.nickname}您好，我是{agent.name}，工单{ticket.number}，角色{player.role}，{x.y}"))
                .isEqualTo("小明您好，我是客服小王，工单#42，角色{player.role}，{x.y}");
        assertThat(variables.fill("价格 $1 \\ {game.name}")).isEqualTo("价格 $1 \\ 测试游戏");
    }
}
