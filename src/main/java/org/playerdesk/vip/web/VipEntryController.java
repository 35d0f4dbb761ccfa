package org.playerdesk.vip.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.vip.VipPlayerView;
import org.playerdesk.vip.VipService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The private VIP entry: a per-player link, never published, that opens a help-center form for
 * that player only. The ticket it opens is the player's (their account, high priority), goes to
 * their VIP manager, and is followed through the usual private ticket link.
 */
@Controller
class VipEntryController {

    private final VipService vip;
    private final GameCatalog games;
    private final TicketDesk desk;
    private final ConsoleProblems problems;

    VipEntryController(VipService vip, GameCatalog games, TicketDesk desk, ConsoleProblems problems) {
        this.vip = vip;
        this.games = games;
        this.desk = desk;
        this.problems = problems;
    }

    @GetMapping("/help/{game}/vip/{token}")
    String form(@PathVariable String game, @PathVariable String token, Model model) {
        GameInfo info = games.byCode(game).orElseThrow(() -> new VipEntryNotFound());
        VipPlayerView player = vip.byEntryToken(info.id(), token).orElseThrow(VipEntryNotFound::new);
        model.addAttribute("game", info);
        model.addAttribute("player", player);
        model.addAttribute("token", token);
        model.addAttribute("types", List.of(TicketType.values()));
        return "vip/entry";
    }

    @PostMapping("/help/{game}/vip/{token}")
    String open(@PathVariable String game, @PathVariable String token, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String description,
            Locale locale, Model model) {
        GameInfo info = games.byCode(game).orElseThrow(VipEntryNotFound::new);
        VipPlayerView player = vip.byEntryToken(info.id(), token).orElseThrow(VipEntryNotFound::new);
        try {
            Opened opened = desk.open(new NewTicket(info.id(), new PlayerIdentity(player.accountId(), null, null, null),
                    type.isBlank() ? "consultation" : type, "web", "high", subject, description, null,
                    Map.of("vip", "true"), true), List.of());
            return "redirect:/help/" + info.code() + "/t/" + opened.followToken();
        } catch (InvalidInput invalid) {
            model.addAttribute("problem", problems.describe(invalid, locale));
            model.addAttribute("game", info);
            model.addAttribute("player", player);
            model.addAttribute("token", token);
            model.addAttribute("types", List.of(TicketType.values()));
            return "vip/entry";
        }
    }

    /** An unknown game or token looks the same as any page that does not exist. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static class VipEntryNotFound extends NotFoundException {
        VipEntryNotFound() {
            super("vip entry", "link");
        }
    }
}
