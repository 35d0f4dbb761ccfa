package org.playerdesk.telephony.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The telephony settings for administrators ({@code /console/admin/phone}): each game's CTI
 * secret (set or generated; a generated one is shown once, then never again) and which agent each
 * extension rings.
 */
@Controller
@RequestMapping("/console/admin/phone")
@PreAuthorize("hasAuthority('MANAGE_GAMES')")
class PhoneAdminController {

    /** A game and whether its CTI webhook can be used. */
    record GameRow(GameInfo game, boolean secretSet) {
    }

    /** An extension and the agent it rings. */
    record ExtensionRow(String extension, String agent) {
    }

    private final CtiSettings settings;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final ErrorTexts texts;

    PhoneAdminController(CtiSettings settings, GameCatalog games, StaffDirectory staff, ErrorTexts texts) {
        this.settings = settings;
        this.games = games;
        this.staff = staff;
        this.texts = texts;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("games", games.all().stream().map(g -> new GameRow(g, settings.hasSecret(g.id()))).toList());
        Map<String, UUID> extensions = settings.extensions();
        Map<UUID, StaffMember> agents = staff.byIds(extensions.values());
        List<ExtensionRow> rows = new ArrayList<>();
        extensions.forEach((extension, agent) -> rows.add(new ExtensionRow(extension,
                agents.containsKey(agent) ? agents.get(agent).displayName() + " (" + agents.get(agent).username() + ")"
                        : "")));
        model.addAttribute("extensions", rows);
        return "telephony/admin";
    }

    @PostMapping("/games/{code}/secret")
    String secret(@PathVariable String code, @RequestParam(defaultValue = "") String secret,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        GameInfo game = games.byCode(code).orElseThrow(() -> new NotFoundException("game", code));
        try {
            String set = settings.setSecret(game.id(), secret, me.id());
            redirect.addFlashAttribute("notice", "phone.admin.secretSet");
            if (secret.isBlank()) {
                redirect.addFlashAttribute("generatedSecret", set);
                redirect.addFlashAttribute("generatedFor", game.name());
            }
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problem", texts.summary(invalid, locale));
        }
        return "redirect:/console/admin/phone";
    }

    @PostMapping("/extensions")
    String mapExtension(@RequestParam(defaultValue = "") String extension, @RequestParam(defaultValue = "") String username,
            Locale locale, RedirectAttributes redirect) {
        try {
            StaffMember agent = staff.byUsername(username.strip())
                    .orElseThrow(() -> InvalidInput.of("username", "invalid.phone.unknownAgent"));
            settings.mapExtension(extension, agent.id());
            redirect.addFlashAttribute("notice", "phone.admin.extensionSet");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problem", texts.summary(invalid, locale));
        }
        return "redirect:/console/admin/phone";
    }

    @PostMapping("/extensions/remove")
    String unmapExtension(@RequestParam String extension, RedirectAttributes redirect) {
        settings.unmapExtension(extension);
        redirect.addFlashAttribute("notice", "phone.admin.extensionRemoved");
        return "redirect:/console/admin/phone";
    }
}
