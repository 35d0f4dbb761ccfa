package org.playerdesk.assist.internal;

import java.util.Optional;
import java.util.UUID;

import org.playerdesk.assist.BotAnswers;
import org.playerdesk.chat.ChatBot;
import org.playerdesk.chat.ChatEvents.ChatBotOutcome;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.knowledge.ArticleHit;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The bot in live chat: the same first answer as on a new ticket ({@link BotAnswers#firstAnswer},
 * the game's threshold), unless the game turned the bot off for its chats; "this solved it" closes
 * the chat's ticket as the bot's deflection, as on the help center, so the figures count it the
 * same way. What became of each answer is kept with the ticket's other bot answers, for the assist
 * panel beside the ticket.
 */
@Component
class LiveChatBot implements ChatBot {

    static final int PASSAGE_MAX = 300;

    private final BotAnswers answers;
    private final AssistSettings settings;
    private final BotAnswerBook book;
    private final TicketDesk desk;
    private final GameCatalog games;

    LiveChatBot(BotAnswers answers, AssistSettings settings, BotAnswerBook book, TicketDesk desk, GameCatalog games) {
        this.answers = answers;
        this.settings = settings;
        this.book = book;
        this.desk = desk;
        this.games = games;
    }

    @Override
    public Optional<Answer> firstAnswer(UUID gameId, String text) {
        if (!settings.of(gameId).chatBot()) {
            return Optional.empty();
        }
        String game = games.get(gameId).code();
        return answers.firstAnswer(gameId, text).map(hit -> new Answer(hit.id(), hit.title(), passage(hit),
                "/help/" + game + "/articles/" + hit.id(), hit.confidence()));
    }

    @Override
    public void solved(UUID ticketId, Answer answer, Actor player) {
        answers.learn(ticketId, answer.articleId());
        desk.tag(ticketId, BotAnswers.DEFLECTED_TAG, player);
        desk.changeStatus(ticketId, TicketStatus.RESOLVED, player);
    }

    /** An answer the player said solved it, or that the chat queued after: kept for the assist panel. */
    @ApplicationModuleListener
    void on(ChatBotOutcome event) {
        if (event.solved() || event.queued()) {
            book.recordFromChat(event.ticketId(), event.gameId(), event.articleId(), event.title(), event.confidence(),
                    event.solved(), event.at());
        }
    }

    /** The search's passage as plain text (it marks the matched words and escapes the rest). */
    private static String passage(ArticleHit hit) {
        if (hit.snippetHtml() == null) {
            return null;
        }
        String text = HtmlUtils.htmlUnescape(hit.snippetHtml().replaceAll("<[^>]*>", "")).strip()
                .replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= PASSAGE_MAX ? text : text.substring(0, PASSAGE_MAX - 1) + "…";
    }
}
