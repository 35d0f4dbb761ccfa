package org.playerdesk.ticket.web;

import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.SavedView;
import org.playerdesk.ticket.SavedViewDraft;
import org.playerdesk.ticket.SavedViews;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Saving the inbox as a named view, and renaming, moving and deleting saved views. Each answer
 * goes back to the inbox the form was sent from ({@code back}), with what was refused in the
 * reader's language; a saved view opens at once.
 */
@Controller
@RequestMapping("/console/tickets/views")
class SavedViewsController {

    private static final String INBOX = "/console/tickets";

    private final SavedViews views;
    private final ErrorTexts errorTexts;

    SavedViewsController(SavedViews views, ErrorTexts errorTexts) {
        this.views = views;
        this.errorTexts = errorTexts;
    }

    @PostMapping
    String save(@ModelAttribute SavedViewDraft draft, @RequestParam(defaultValue = "") String back,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes flash) {
        try {
            SavedView saved = views.save(draft, me.member());
            flash.addFlashAttribute("notice", "inbox.views.saved");
            return "redirect:" + InboxTabs.url(saved.id(), 0);
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("viewErrors", errorTexts.fieldTexts(invalid, "inbox.views.field.", locale).stream()
                    .map(ErrorTexts.FieldText::message).toList());
            flash.addFlashAttribute("viewName", draft.name());
            flash.addFlashAttribute("viewShared", "shared".equals(draft.audience()));
            return "redirect:" + back(back);
        } catch (RuleViolation refused) {
            flash.addFlashAttribute("problem", errorTexts.text(refused, locale));
            return "redirect:" + back(back);
        }
    }

    @PostMapping("/{id}/rename")
    String rename(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String back, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes flash) {
        return changing(back, locale, flash, "inbox.views.renamed", () -> views.rename(id, name, me.member()));
    }

    @PostMapping("/{id}/move")
    String move(@PathVariable UUID id, @RequestParam(defaultValue = "") String direction,
            @RequestParam(defaultValue = "") String back, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes flash) {
        return changing(back, locale, flash, null,
                () -> views.move(id, "up".equals(direction) ? -1 : 1, me.member()));
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam(defaultValue = "") String back,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes flash) {
        return changing(back, locale, flash, "inbox.views.deleted", () -> views.delete(id, me.member()));
    }

    private String changing(String back, Locale locale, RedirectAttributes flash, String done, Runnable change) {
        try {
            change.run();
            if (done != null) {
                flash.addFlashAttribute("notice", done);
            }
        } catch (InvalidInput invalid) {
            flash.addFlashAttribute("problem", errorTexts.summary(invalid, "inbox.views.field.", locale));
        } catch (RuleViolation refused) {
            flash.addFlashAttribute("problem", errorTexts.text(refused, locale));
        }
        return "redirect:" + back(back);
    }

    /** Back to the inbox the form came from; anything else is the inbox itself. */
    static String back(String back) {
        boolean inbox = back.equals(INBOX) || back.startsWith(INBOX + "?");
        return inbox && !back.contains("//") && !back.contains("\\") && back.chars().noneMatch(c -> c < 0x20)
                ? back : INBOX;
    }
}
