package org.playerdesk.assist.internal;

import java.util.Locale;

import org.playerdesk.assist.BotAnswers;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/** The player's answer to the bot's "did this solve it?", from the ticket's private page. */
@Controller
class BotAnswerController {

    private final GameCatalog games;
    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final BotAnswers bot;
    private final MessageSource messages;

    BotAnswerController(GameCatalog games, TicketQueries tickets, PlayerDirectory players, BotAnswers bot,
            MessageSource messages) {
        this.games = games;
        this.tickets = tickets;
        this.players = players;
        this.bot = bot;
        this.messages = messages;
    }

    @PostMapping("/help/{game}/t/{token}/bot")
    String answer(@PathVariable String game, @PathVariable String token,
            @RequestParam(required = false) String solved, RedirectAttributes redirect) {
        GameInfo info = games.byCode(game).orElseThrow(() -> new NotFoundException("game", game));
        TicketView ticket = tickets.byFollowToken(token).filter(t -> t.gameId().equals(info.id()))
                .orElseThrow(() -> new NotFoundException("ticket", "of a private link"));
        PlayerSummary player = players.get(ticket.playerId());
        try {
            bot.answer(ticket, "yes".equals(solved), Actor.player(player.id(), player.displayName()));
            redirect.addFlashAttribute("notice", "yes".equals(solved) ? "assist.bot.solved" : "assist.bot.handedOver");
        } catch (RuleViolation e) {
            // answered already (a second click, another tab): the page shows the outcome
        }
        return "redirect:/help/" + info.code() + "/t/" + token;
    }

    /** The help center's one answer for an unknown game or a wrong link. */
    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("helpTitle", messages.getMessage("help.title", null, locale));
        model.addAttribute("helpHome", "#");
        return "help/not-found";
    }
}
