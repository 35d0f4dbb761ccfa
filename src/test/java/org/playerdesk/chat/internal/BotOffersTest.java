package org.playerdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.playerdesk.chat.ChatBot;
import org.playerdesk.ticket.Actor;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * Asking the bot never stands in the chat's way: a bot that fails, answers nothing or answers
 * with what cannot be shown is as no bot, and the chat queues; what it offers is trimmed to what
 * is kept.
 */
class BotOffersTest {

    static final UUID GAME = UUID.randomUUID();

    @Test
    void aBotThatFailsIsAsNoBot() {
        assertThat(offers(text -> {
            throw new IllegalStateException("the search index is gone");
        }).ask(GAME, "充值未到账")).isEmpty();
        assertThat(offers(text -> null).ask(GAME, "充值未到账")).isEmpty();
        assertThat(new BotOffers(new StaticListableBeanFactory().getBeanProvider(ChatBot.class), null)
                .ask(GAME, "充值未到账")).as("no bot at all").isEmpty();
    }

    @Test
    void anAnswerThatCannotBeShownIsNotOffered() {
        UUID article = UUID.randomUUID();
        assertThat(offers(text -> Optional.of(new ChatBot.Answer(article, " ", null, "/help/g/articles/1", 0.9)))
                .ask(GAME, "充值未到账")).as("no title").isEmpty();
        assertThat(offers(text -> Optional.of(new ChatBot.Answer(article, "标题", null, "https://evil.example/", 0.9)))
                .ask(GAME, "充值未到账")).as("a link away from this site").isEmpty();
        assertThat(offers(text -> Optional.of(new ChatBot.Answer(article, "标题", null, "//evil.example/", 0.9)))
                .ask(GAME, "充值未到账")).as("a link to another host").isEmpty();
    }

    @Test
    void aGoodAnswerIsTrimmedToWhatIsKept() {
        UUID article = UUID.randomUUID();
        Optional<ChatBot.Answer> asked = offers(text -> Optional.of(new ChatBot.Answer(article, "长".repeat(300),
                "段".repeat(2000), "/help/g/articles/" + article, 1.3))).ask(GAME, "充值未到账");
        assertThat(asked).get().satisfies(answer -> {
            assertThat(answer.title()).hasSize(BotOffer.TITLE_MAX).endsWith("…");
            assertThat(answer.passage()).hasSize(BotOffer.PASSAGE_MAX);
            assertThat(answer.confidence()).isEqualTo(1.0);
            assertThat(answer.link()).isEqualTo("/help/g/articles/" + article);
        });
        assertThat(offers(text -> Optional.of(new ChatBot.Answer(article, "标题", null, "/x", 0.9))).ask(GAME, " "))
                .as("nothing asked of a blank message").isEmpty();
    }

    private static BotOffers offers(Answering answering) {
        ChatBot bot = new ChatBot() {
            @Override
            public Optional<Answer> firstAnswer(UUID gameId, String text) {
                return answering.answer(text);
            }

            @Override
            public void solved(UUID ticketId, Answer answer, Actor player) {
            }
        };
        return new BotOffers(new StaticListableBeanFactory(Map.of("bot", bot)).getBeanProvider(ChatBot.class), null);
    }

    interface Answering {
        Optional<ChatBot.Answer> answer(String text);
    }
}
