package org.playerdesk.mailbox.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A game's support mailboxes and email templates, for administrators of games
 * ({@code /console/admin/mailboxes}, linked from the games' checklist): add an IMAP mailbox or a
 * webhook mailbox (its address and secret shown to sign the provider's posts), switch one off or
 * remove it, and edit the greeting, signature and footer of replies in each language.
 */
@Controller
@RequestMapping("/console/admin/mailboxes")
class MailboxAdminController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,190}\\.[^@\\s<>\"]{2,63}");

    /** The add form as sent. */
    record MailboxForm(String address, String displayName, String kind, String imapHost, String imapPort,
            Boolean imapSsl, String imapUsername, String imapPassword, String imapFolder) {

        static MailboxForm blank() {
            return new MailboxForm("", "", "imap", "", "993", true, "", "", "INBOX");
        }
    }

    /** A mailbox as the page lists it. */
    record Row(UUID id, String address, String displayName, String kind, String server, boolean enabled,
            String webhookUrl, String webhookSecret) {
    }

    /** A game to choose. */
    record GameChoice(String code, String name) {
    }

    private final GameCatalog games;
    private final MailStore store;
    private final MailTemplates templates;
    private final ErrorTexts problems;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MailboxAdminController(GameCatalog games, MailStore store, MailTemplates templates, ErrorTexts problems,
            Clock clock) {
        this.games = games;
        this.store = store;
        this.templates = templates;
        this.problems = problems;
        this.clock = clock;
    }

    private GameInfo game(String code, StaffUser me) {
        if (!me.can(Permission.MANAGE_GAMES)) {
            throw new AccessDeniedException("may not configure games");
        }
        return games.chosen(code, me.gameScope());
    }

    @GetMapping
    String page(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = game(game, me);
        model.addAttribute("games", games.servedBy(me.gameScope()).stream()
                .map(g -> new GameChoice(g.code(), g.name())).toList());
        model.addAttribute("game", chosen);
        model.addAttribute("mailboxes", store.mailboxes(chosen.id()).stream().map(b -> new Row(b.id(), b.address(),
                b.displayName(), b.kind().code(), b.kind() == Mailbox.Kind.IMAP ? b.imapHost() + ":" + b.imapPort() : null,
                b.enabled(), b.kind() == Mailbox.Kind.WEBHOOK ? InboundWebhook.PATH + b.id() : null,
                b.webhookSecret())).toList());
        Map<String, MailStore.Template> byLanguage = new LinkedHashMap<>();
        for (String language : MailTemplates.LANGUAGES) {
            byLanguage.put(language, templates.of(chosen.id(), language));
        }
        model.addAttribute("templates", byLanguage);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", MailboxForm.blank());
            model.addAttribute("errors", Map.of());
        }
        return "mailbox/admin";
    }

    @PostMapping
    String add(@RequestParam String game, MailboxForm form, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        GameInfo chosen = game(game, me);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String address = form.address() == null ? "" : form.address().strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches() || address.length() > 254) {
            errors.add(new InvalidInput.FieldError("address", "invalid.email", List.of()));
        } else if (store.isSupportAddress(address)) {
            errors.add(new InvalidInput.FieldError("address", "mailbox.admin.addressTaken", List.of()));
        }
        String name = form.displayName() == null ? "" : form.displayName().strip();
        if (name.isEmpty() || name.length() > 100 || Texts.hasForbiddenControl(name, false)) {
            errors.add(new InvalidInput.FieldError("displayName", "invalid.blank", List.of()));
        }
        Mailbox.Kind kind = "webhook".equals(form.kind()) ? Mailbox.Kind.WEBHOOK
                : "imap".equals(form.kind()) ? Mailbox.Kind.IMAP : null;
        if (kind == null) {
            errors.add(new InvalidInput.FieldError("kind", "invalid.oneOf", List.of("imap, webhook")));
        }
        Integer port = null;
        if (kind == Mailbox.Kind.IMAP) {
            if (blank(form.imapHost()) || form.imapHost().strip().length() > 255) {
                errors.add(new InvalidInput.FieldError("imapHost", "invalid.blank", List.of()));
            }
            try {
                port = Integer.valueOf(form.imapPort().strip());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (RuntimeException notAPort) {
                errors.add(new InvalidInput.FieldError("imapPort", "invalid.range.between", List.of(65535, 1)));
            }
            if (blank(form.imapUsername())) {
                errors.add(new InvalidInput.FieldError("imapUsername", "invalid.blank", List.of()));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", problems.firstByField(new InvalidInput(errors), locale));
            return page(game, me, model);
        }
        String secret = kind == Mailbox.Kind.WEBHOOK ? secret() : null;
        store.addMailbox(new Mailbox(null, chosen.id(), address, name, kind,
                kind == Mailbox.Kind.IMAP ? form.imapHost().strip() : null, port, Boolean.TRUE.equals(form.imapSsl()),
                kind == Mailbox.Kind.IMAP ? form.imapUsername().strip() : null,
                kind == Mailbox.Kind.IMAP ? form.imapPassword() : null,
                kind == Mailbox.Kind.IMAP && !blank(form.imapFolder()) ? form.imapFolder().strip() : null, secret, true),
                clock.instant());
        redirect.addFlashAttribute("notice", "mailbox.admin.added");
        return "redirect:/console/admin/mailboxes?game=" + chosen.code();
    }

    @PostMapping("/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, @AuthenticationPrincipal StaffUser me) {
        Mailbox box = owned(id, me);
        store.enable(id, enabled);
        return "redirect:/console/admin/mailboxes?game=" + games.get(box.gameId()).code();
    }

    @PostMapping("/{id}/delete")
    String remove(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        Mailbox box = owned(id, me);
        store.removeMailbox(id);
        redirect.addFlashAttribute("notice", "mailbox.admin.removed");
        return "redirect:/console/admin/mailboxes?game=" + games.get(box.gameId()).code();
    }

    @PostMapping("/templates")
    String saveTemplate(@RequestParam String game, @RequestParam String language, @RequestParam String greeting,
            @RequestParam String signature, @RequestParam(defaultValue = "") String footer,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        GameInfo chosen = game(game, me);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (!MailTemplates.LANGUAGES.contains(language)) {
            errors.add(new InvalidInput.FieldError("language", "invalid.oneOf", List.of(String.join(", ",
                    MailTemplates.LANGUAGES))));
        }
        check("greeting", greeting, 500, errors);
        check("signature", signature, 1000, errors);
        if (footer.length() > 1000 || Texts.hasForbiddenControl(footer, true)) {
            errors.add(new InvalidInput.FieldError("footer", "invalid.tooLong", List.of(1000)));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", MailboxForm.blank());
            model.addAttribute("errors", problems.firstByField(new InvalidInput(errors), locale));
            return page(game, me, model);
        }
        templates.save(chosen.id(), language, new MailStore.Template(greeting.strip(), signature.strip(), footer.strip()));
        redirect.addFlashAttribute("notice", "mailbox.admin.templateSaved");
        return "redirect:/console/admin/mailboxes?game=" + chosen.code();
    }

    private static void check(String field, String text, int max, List<InvalidInput.FieldError> errors) {
        if (text.isBlank()) {
            errors.add(new InvalidInput.FieldError(field, "invalid.blank", List.of()));
        } else if (text.length() > max) {
            errors.add(new InvalidInput.FieldError(field, "invalid.tooLong", List.of(max)));
        } else if (Texts.hasForbiddenControl(text, true)) {
            errors.add(new InvalidInput.FieldError(field, "invalid.control", List.of()));
        }
    }

    private Mailbox owned(UUID id, StaffUser me) {
        Mailbox box = store.mailbox(id).orElseThrow(() -> new NotFoundException("mailbox", id));
        if (!me.can(Permission.MANAGE_GAMES) || !me.serves(box.gameId())) {
            throw new NotFoundException("mailbox", id);
        }
        return box;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
