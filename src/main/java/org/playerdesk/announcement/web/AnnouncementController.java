package org.playerdesk.announcement.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.announcement.AnnouncementDraft;
import org.playerdesk.announcement.AnnouncementKind;
import org.playerdesk.announcement.AnnouncementState;
import org.playerdesk.announcement.AnnouncementView;
import org.playerdesk.announcement.Announcements;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The announcements of a game one serves ({@code /console/announcements}): the list filtered by
 * state and kind, the form to write one (saved as a draft or published, at once or at a set time),
 * edit and withdraw. All of it takes PUBLISH_ANNOUNCEMENTS. Times are entered in the game's time
 * zone. Bad input answers the form again with 400, saying what is wrong, with what was written.
 */
@Controller
@PreAuthorize("hasAuthority('PUBLISH_ANNOUNCEMENTS')")
class AnnouncementController {

    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Announcements announcements;
    private final GameCatalog games;
    private final ConsoleProblems problems;

    AnnouncementController(Announcements announcements, GameCatalog games, ConsoleProblems problems) {
        this.announcements = announcements;
        this.games = games;
        this.problems = problems;
    }

    @GetMapping("/console/announcements")
    String list(@RequestParam(required = false) String game, @RequestParam(required = false) String state,
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffUser me, Model model) {
        if (games.servedBy(me.gameScope()).isEmpty()) {
            // a lead who serves no game yet: nothing to list, and nothing to write for
            return "announcement/no-games";
        }
        GameInfo chosen = games.chosen(game, me.gameScope());
        AnnouncementState wantedState = AnnouncementState.ofCode(state);
        AnnouncementKind wantedKind = AnnouncementKind.ofCode(kind);
        Announcements.Listing listing = announcements.list(Set.of(chosen.id()), wantedState, wantedKind, page);
        model.addAttribute("game", chosen);
        model.addAttribute("games", games.servedBy(me.gameScope()));
        model.addAttribute("listing", listing);
        model.addAttribute("state", wantedState == null ? "" : wantedState.code());
        model.addAttribute("kind", wantedKind == null ? "" : wantedKind.code());
        model.addAttribute("states", AnnouncementState.values());
        model.addAttribute("kinds", AnnouncementKind.values());
        return "announcement/list";
    }

    @GetMapping("/console/announcements/new")
    String create(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        return form(model, chosen, null, Form.blank(), null);
    }

    @PostMapping("/console/announcements")
    Object save(@RequestParam(required = false) String game, Form form,
            @RequestParam(defaultValue = "draft") String action, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model, RedirectAttributes redirect) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        try {
            AnnouncementView saved = announcements.create(chosen.id(), form.draft(zone(chosen)),
                    "publish".equals(action), me.member());
            redirect.addFlashAttribute("notice", "announcement.notice.saved");
            return "redirect:/console/announcements?game=" + chosen.code() + "&state=" + saved.state().code();
        } catch (InvalidInput | RuleViolation refused) {
            return refusedForm(model, chosen, null, form, refused, locale);
        }
    }

    @GetMapping("/console/announcements/{id}")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        AnnouncementView announcement = visible(id, me);
        GameInfo game = games.get(announcement.gameId());
        return form(model, game, announcement, Form.of(announcement, zone(game)), null);
    }

    @PostMapping("/console/announcements/{id}")
    Object update(@PathVariable UUID id, Form form, @RequestParam(defaultValue = "0") long version,
            @RequestParam(defaultValue = "draft") String action, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model, RedirectAttributes redirect) {
        AnnouncementView announcement = visible(id, me);
        GameInfo game = games.get(announcement.gameId());
        try {
            AnnouncementView saved = announcements.edit(id, form.draft(zone(game)), "publish".equals(action), version,
                    me.member());
            redirect.addFlashAttribute("notice", "announcement.notice.saved");
            return "redirect:/console/announcements?game=" + game.code() + "&state=" + saved.state().code();
        } catch (InvalidInput | RuleViolation refused) {
            return refusedForm(model, game, announcement, form, refused, locale);
        }
    }

    @PostMapping("/console/announcements/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        AnnouncementView announcement = visible(id, me);
        GameInfo game = games.get(announcement.gameId());
        problems.attempt(() -> announcements.withdraw(id, me.member()), "announcement.notice.withdrawn", locale,
                redirect);
        return "redirect:/console/announcements?game=" + game.code();
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    private ModelAndView refusedForm(Model model, GameInfo game, AnnouncementView announcement, Form form,
            RuntimeException refused, Locale locale) {
        String view = form(model, game, announcement, form, problems.describe(refused, "announcement.field.", locale));
        ModelAndView page = new ModelAndView(view, model.asMap(),
                refused instanceof RuleViolation ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
        if (refused instanceof InvalidInput invalid) {
            page.addObject("badFields", invalid.errors().stream().map(InvalidInput.FieldError::field).toList());
        }
        return page;
    }

    private String form(Model model, GameInfo game, AnnouncementView announcement, Form form, String problem) {
        model.addAttribute("game", game);
        model.addAttribute("announcement", announcement);
        model.addAttribute("form", form);
        model.addAttribute("kinds", AnnouncementKind.values());
        model.addAttribute("timeZone", zone(game).getId());
        model.addAttribute("problem", problem);
        if (!model.containsAttribute("badFields")) {
            model.addAttribute("badFields", List.of());
        }
        return "announcement/form";
    }

    private AnnouncementView visible(UUID id, StaffUser me) {
        AnnouncementView announcement = announcements.get(id);
        if (!me.serves(announcement.gameId())) {
            throw new NotFoundException("announcement", id);
        }
        return announcement;
    }

    private ZoneId zone(GameInfo game) {
        String zone = games.profile(game.id()).timeZone();
        try {
            return zone == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(zone);
        } catch (DateTimeException unknown) {
            return ZoneId.of("Asia/Shanghai");
        }
    }

    /** The form's fields as written; times as the browser's date-and-time fields send them. */
    record Form(String kind, String titleZh, String bodyZh, String titleEn, String bodyEn, String windowStart,
            String windowEnd, String publishAt, String expiresAt, Boolean pinned, Boolean toAgents) {

        static Form blank() {
            return new Form(AnnouncementKind.MAINTENANCE.code(), null, null, null, null, null, null, null, null, false,
                    false);
        }

        static Form of(AnnouncementView a, ZoneId zone) {
            return new Form(a.kind().code(), a.titleZh(), a.bodyZh(), a.titleEn(), a.bodyEn(), text(a.windowStart(), zone),
                    text(a.windowEnd(), zone), text(a.publishAt(), zone), text(a.expiresAt(), zone), a.pinned(),
                    a.toAgents());
        }

        /** The draft, its times read in the game's zone; a time that cannot be read is refused by its field. */
        AnnouncementDraft draft(ZoneId zone) {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            Instant start = time("windowStart", windowStart, zone, errors);
            Instant end = time("windowEnd", windowEnd, zone, errors);
            Instant publish = time("publishAt", publishAt, zone, errors);
            Instant expires = time("expiresAt", expiresAt, zone, errors);
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            return new AnnouncementDraft(kind, titleZh, bodyZh, titleEn, bodyEn, start, end, publish, expires,
                    Boolean.TRUE.equals(pinned), Boolean.TRUE.equals(toAgents));
        }

        private static Instant time(String field, String value, ZoneId zone, List<InvalidInput.FieldError> errors) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
            } catch (DateTimeException unreadable) {
                errors.add(new InvalidInput.FieldError(field, "invalid.dateTime"));
                return null;
            }
        }

        private static String text(Instant time, ZoneId zone) {
            return time == null ? null : FIELD.format(time.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES));
        }
    }
}
