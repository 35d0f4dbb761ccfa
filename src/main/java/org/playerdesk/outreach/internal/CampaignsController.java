package org.playerdesk.outreach.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.outreach.CampaignDraft;
import org.playerdesk.outreach.CampaignState;
import org.playerdesk.outreach.CampaignView;
import org.playerdesk.outreach.Campaigns;
import org.playerdesk.outreach.ContactForm;
import org.playerdesk.outreach.OutreachChannel;
import org.playerdesk.outreach.OutreachSettings;
import org.playerdesk.outreach.RecipientState;
import org.playerdesk.outreach.Segment;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaigns page ({@code /console/campaigns}) for leads and VIP managers: the campaigns of the
 * games one serves with their progress, a new campaign with its segment's size previewed before it
 * is saved, one campaign's recipients with start, pause, resume and cancel, a player's contact
 * preferences (opt-outs per channel) and the game's outreach settings. A bad field is named on the
 * form and nothing is saved.
 */
@Controller
@RequestMapping("/console/campaigns")
@PreAuthorize("hasAuthority('RUN_CAMPAIGNS')")
class CampaignsController {

    /** The form as sent: everything as text, so that a bad number is named as its field. */
    record Form(String game, String name, String channel, String subjectZh, String textZh, String subjectEn,
            String textEn, String server, String tiers, String minSpend, String inactiveDays, String noContactDays,
            String playerTags, String ticketTag, String incidentId, Boolean vipFollowUpsDue) {

        static Form empty(String game) {
            return new Form(game, "", "email", "", "", "", "", "", "", "", "", "", "", "", "", false);
        }
    }

    record GameChoice(String code, String name) {
    }

    private final Campaigns campaigns;
    private final GameCatalog games;
    private final PlayerDirectory players;
    private final ErrorTexts problems;
    private final MessageSource messages;

    CampaignsController(Campaigns campaigns, GameCatalog games, PlayerDirectory players, ErrorTexts problems,
            MessageSource messages) {
        this.messages = messages;
        this.campaigns = campaigns;
        this.games = games;
        this.players = players;
        this.problems = problems;
    }

    @GetMapping
    String list(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        model.addAttribute("games", games.servedBy(me.gameScope()).stream()
                .map(g -> new GameChoice(g.code(), g.name())).toList());
        model.addAttribute("game", chosen);
        model.addAttribute("campaigns", campaigns.recent(me.member()));
        model.addAttribute("channels", List.of(OutreachChannel.values()));
        model.addAttribute("settings", campaigns.settings(chosen.id(), me.member()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty(chosen.code()));
            model.addAttribute("errors", Map.of());
        }
        return "outreach/campaigns";
    }

    /** Previews the segment's size ({@code preview}) or saves the draft. */
    @PostMapping
    String draft(Form form, @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        GameInfo game = games.chosen(form.game(), me.gameScope());
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Segment segment = segment(form, errors);
        OutreachChannel channel = null;
        try {
            channel = Coded.fromCode(OutreachChannel.class, form.channel());
        } catch (IllegalArgumentException unknown) {
            if (!"preview".equals(action)) {
                errors.add(new InvalidInput.FieldError("channel", "invalid.choose"));
            }
        }
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            if ("preview".equals(action)) {
                model.addAttribute("preview", campaigns.preview(game.id(), segment, me.member()));
                model.addAttribute("form", form);
                model.addAttribute("errors", Map.of());
                return list(game.code(), me, model);
            }
            CampaignView saved = campaigns.draft(game.id(), new CampaignDraft(form.name(), channel, form.subjectZh(),
                    form.textZh(), form.subjectEn(), form.textEn(), segment), me.member());
            return "redirect:/console/campaigns/" + saved.id();
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", problems.firstByField(invalid, locale));
            return list(game.code(), me, model);
        }
    }

    @GetMapping("/{id}")
    String campaign(@PathVariable UUID id, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffUser me, Model model) {
        RecipientState filter = null;
        if (state != null && !state.isBlank()) {
            try {
                filter = Coded.fromCode(RecipientState.class, state);
            } catch (IllegalArgumentException unknown) {
                filter = null;
            }
        }
        CampaignView campaign = campaigns.get(id, me.member());
        model.addAttribute("campaign", campaign);
        model.addAttribute("gameName", games.get(campaign.gameId()).name());
        model.addAttribute("states", List.of(RecipientState.values()));
        model.addAttribute("state", filter == null ? "" : filter.code());
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("recipients", campaigns.recipients(id, filter, page, me.member()));
        model.addAttribute("interrupted", campaign.count(RecipientState.INTERRUPTED));
        model.addAttribute("canResend", me.member().role().leads()
                && campaign.count(RecipientState.INTERRUPTED) > 0 && campaign.state() != CampaignState.DRAFT
                && campaign.state() != CampaignState.CANCELLED);
        return "outreach/campaign";
    }

    /**
     * A campaign's figures as they are now, read every few seconds by the campaign page while it
     * runs (js/campaign-progress.js): the state (code and name in the reader's language), whether
     * it has ended, the share done and the count of recipients in each state.
     */
    record Progress(String state, String stateName, boolean ended, int percentDone, int recipients,
            Map<String, Integer> counts) {
    }

    @GetMapping(path = "/{id}/progress", produces = "application/json")
    @ResponseBody
    Progress progress(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale) {
        CampaignView c = campaigns.get(id, me.member());
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (RecipientState s : RecipientState.values()) {
            counts.put(s.code(), c.count(s));
        }
        return new Progress(c.state().code(), messages.getMessage("outreach.state." + c.state().code(), null, locale),
                c.state().ended(), c.percentDone(), c.recipients(), counts);
    }

    /** A lead sends the interrupted recipients again (each may have had the message already). */
    @PostMapping("/{id}/resend")
    String resend(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        campaigns.resendInterrupted(id, me.member());
        redirect.addFlashAttribute("notice", "outreach.done.resend");
        return "redirect:/console/campaigns/" + id;
    }

    @PostMapping("/{id}/{command:start|pause|resume|cancel}")
    String command(@PathVariable UUID id, @PathVariable String command, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        switch (command) {
            case "start" -> campaigns.start(id, me.member());
            case "pause" -> campaigns.pause(id, me.member());
            case "resume" -> campaigns.resume(id, me.member());
            default -> campaigns.cancel(id, me.member());
        }
        redirect.addFlashAttribute("notice", "outreach.done." + command);
        return "redirect:/console/campaigns/" + id;
    }

    @GetMapping("/players/{playerId}")
    String contact(@PathVariable UUID playerId, @AuthenticationPrincipal StaffUser me, Model model) {
        PlayerSummary player = players.get(playerId);
        model.addAttribute("player", player);
        if (!model.containsAttribute("form")) {
            var p = campaigns.preferences(playerId, me.member());
            model.addAttribute("form", new ContactForm(p.phone(), p.locale(), p.timeZone(), p.emailOptOut(),
                    p.inGameOptOut(), p.smsOptOut()));
            model.addAttribute("errors", Map.of());
        }
        return "outreach/contact";
    }

    @PostMapping("/players/{playerId}")
    String changeContact(@PathVariable UUID playerId, @RequestParam(required = false) String phone,
            @RequestParam(required = false) String locale, @RequestParam(required = false) String timeZone,
            @RequestParam(defaultValue = "false") boolean emailOptOut,
            @RequestParam(defaultValue = "false") boolean inGameOptOut,
            @RequestParam(defaultValue = "false") boolean smsOptOut, @AuthenticationPrincipal StaffUser me,
            Locale reader, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ContactForm form = new ContactForm(phone, locale, timeZone, emailOptOut, inGameOptOut, smsOptOut);
        try {
            campaigns.changePreferences(playerId, form, me.member());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", form);
            model.addAttribute("errors", problems.firstByField(invalid, reader));
            return contact(playerId, me, model);
        }
        redirect.addFlashAttribute("notice", "outreach.contact.saved");
        return "redirect:/console/campaigns/players/" + playerId;
    }

    @PostMapping("/settings")
    String settings(@RequestParam String game, @RequestParam(defaultValue = "") String emailPerMinute,
            @RequestParam(defaultValue = "") String inGamePerMinute, @RequestParam(defaultValue = "") String smsPerMinute,
            @RequestParam(defaultValue = "") String quietFrom, @RequestParam(defaultValue = "") String quietUntil,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        Integer email = whole("emailPerMinute", emailPerMinute, errors);
        Integer inGame = whole("inGamePerMinute", inGamePerMinute, errors);
        Integer sms = whole("smsPerMinute", smsPerMinute, errors);
        Integer from = whole("quietFrom", quietFrom, errors);
        Integer until = whole("quietUntil", quietUntil, errors);
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            campaigns.changeSettings(new OutreachSettings(chosen.id(), email, inGame, sms, from, until), me.member());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("settingsErrors", problems.firstByField(invalid, locale));
            return list(chosen.code(), me, model);
        }
        redirect.addFlashAttribute("notice", "outreach.settings.saved");
        return "redirect:/console/campaigns?game=" + chosen.code();
    }

    private static Segment segment(Form f, List<InvalidInput.FieldError> errors) {
        UUID incident = null;
        if (f.incidentId() != null && !f.incidentId().isBlank()) {
            try {
                incident = UUID.fromString(f.incidentId().strip());
            } catch (IllegalArgumentException bad) {
                errors.add(new InvalidInput.FieldError("segment.incidentId", "invalid.uuid"));
            }
        }
        Long minSpend = null;
        if (f.minSpend() != null && !f.minSpend().isBlank()) {
            try {
                minSpend = Long.valueOf(f.minSpend().strip());
            } catch (NumberFormatException bad) {
                errors.add(new InvalidInput.FieldError("segment.minSpend", "invalid.wholeNumber"));
            }
        }
        Integer inactive = optionalWhole("segment.inactiveDays", f.inactiveDays(), errors);
        Integer noContact = optionalWhole("segment.noContactDays", f.noContactDays(), errors);
        return new Segment(f.server(), list(f.tiers()), minSpend, inactive, noContact, list(f.playerTags()),
                f.ticketTag(), incident, Boolean.TRUE.equals(f.vipFollowUpsDue()));
    }

    private static List<String> list(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("[,，]")).toList();
    }

    private static Integer optionalWhole(String field, String text, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException bad) {
            errors.add(new InvalidInput.FieldError(field, "invalid.wholeNumber"));
            return null;
        }
    }

    private static Integer whole(String field, String text, List<InvalidInput.FieldError> errors) {
        if (text.isBlank()) {
            errors.add(new InvalidInput.FieldError(field, "invalid.blank"));
            return null;
        }
        return optionalWhole(field, text, errors);
    }
}
