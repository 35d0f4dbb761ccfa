package org.playerdesk.knowledge.internal;

import org.playerdesk.access.StaffUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An administrator starts the ticket-index backfill again (e.g. after restoring a database without its index). */
@Controller
class TicketBackfillController {

    private final TicketBackfill backfill;

    TicketBackfillController(TicketBackfill backfill) {
        this.backfill = backfill;
    }

    @PostMapping("/console/knowledge/tickets/backfill")
    String restart(@AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        ServedGames.adminOnly(me);
        redirect.addFlashAttribute("notice", backfill.restart() ? "kb.notice.backfillStarted" : "kb.notice.backfillRunning");
        return "redirect:/console/knowledge/tickets";
    }
}
