package org.playerdesk.workforce.internal.handover;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.routing.Roster;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.workforce.HandoverForm;
import org.playerdesk.workforce.HandoverItem;
import org.playerdesk.workforce.HandoverView;
import org.playerdesk.workforce.Handovers;
import org.playerdesk.workforce.Teams;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shift handover page ({@code /console/handover}): the reader's own handover (the form while a
 * draft, "waiting for handover" once submitted), the handovers addressed to them with their
 * acknowledge buttons, for a lead the waiting handovers of the people they lead with the release
 * button, and the shift log with its search; one handover's log at {@code /console/handover/{id}}.
 * Times are shown in the reader's time zone (their shifts' in routing).
 */
@Controller
@RequestMapping("/console/handover")
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class HandoverController {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final String LABELS = "handover.field.";

    /** One item as the page shows it, with what the form holds for it and what is wrong with it. */
    record ItemRow(int index, HandoverItem item, String game, String detailKey, String due, String note,
            String disposition, UUID target, String noteError, String dispositionError, String targetError) {
    }

    /** A handover as the page shows it: times in words, its items as rows. */
    record Card(HandoverView handover, String shift, String submitted, String due, String settled,
            List<ItemRow> items) {
    }

    private final Handovers handovers;
    private final Teams teams;
    private final GameCatalog games;
    private final RoutingSetup routing;
    private final ErrorTexts texts;
    private final ConsoleProblems problems;

    HandoverController(Handovers handovers, Teams teams, GameCatalog games, RoutingSetup routing, ErrorTexts texts,
            ConsoleProblems problems) {
        this.handovers = handovers;
        this.teams = teams;
        this.games = games;
        this.routing = routing;
        this.texts = texts;
        this.problems = problems;
    }

    @GetMapping
    String page(@RequestParam(required = false) String q, @AuthenticationPrincipal StaffUser me, Model model) {
        return page(q, me, model, null, null);
    }

    @PostMapping("/draft")
    String openDraft(@AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        problems.attempt(() -> handovers.openDraft(me.member()), "handover.notice.draft", locale, redirect);
        return "redirect:/console/handover#my-handover";
    }

    @PostMapping("/{id}")
    String write(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect) {
        HandoverForm form = form(params);
        boolean submitting = "submit".equals(params.getFirst("action"));
        try {
            if (submitting) {
                handovers.submit(id, form, me.member());
            } else {
                handovers.save(id, form, me.member());
            }
        } catch (InvalidInput invalid) {
            model.addAttribute("problem", problems.describe(invalid, LABELS, locale));
            return page(null, me, model, form, errors(invalid, locale));
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", problems.describe(refused, locale));
            return "redirect:/console/handover";
        }
        redirect.addFlashAttribute("notice", submitting ? "handover.notice.submitted" : "handover.notice.saved");
        return "redirect:/console/handover#my-handover";
    }

    @PostMapping("/{id}/items/{item}/acknowledge")
    String acknowledge(@PathVariable UUID id, @PathVariable UUID item, @AuthenticationPrincipal StaffUser me,
            Locale locale, RedirectAttributes redirect) {
        problems.attempt(() -> handovers.acknowledge(id, item, me.member()), "handover.notice.itemAcknowledged",
                locale, redirect);
        return "redirect:/console/handover#h-" + id;
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledgeAll(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        problems.attempt(() -> handovers.acknowledgeAll(id, me.member()), "handover.notice.acknowledged", locale,
                redirect);
        return "redirect:/console/handover";
    }

    @PostMapping("/{id}/release")
    String release(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        problems.attempt(() -> handovers.release(id, reason, me.member()), "handover.notice.released", LABELS,
                locale, redirect);
        return "redirect:/console/handover";
    }

    @GetMapping("/{id}")
    String one(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        HandoverView handover = handovers.get(id, me.member());
        ZoneId zone = zone(me);
        model.addAttribute("card", card(handover, zone, null, Map.of()));
        model.addAttribute("mayRelease", handover.state().awaitingAcknowledgement()
                && !handover.outgoingId().equals(me.id()) && teams.leads(me.member(), handover.outgoingId()));
        model.addAttribute("mayAcknowledge", handover.state().awaitingAcknowledgement()
                && handover.addressedTo(me.id()));
        return "workforce/handover-log";
    }

    /** A handover one may not read, or none at all, is the console's 404 page. */
    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView absent() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    private String page(String q, StaffUser me, Model model, HandoverForm posted, Map<String, String> errors) {
        ZoneId zone = zone(me);
        Optional<HandoverView> waiting = handovers.awaitingOf(me.id());
        Optional<HandoverView> draft = waiting.isPresent() ? Optional.empty() : handovers.draftOf(me.id());
        model.addAttribute("waiting", waiting.map(h -> card(h, zone, null, Map.of())).orElse(null));
        model.addAttribute("draft", draft.map(h -> card(h, zone, posted, errors == null ? Map.of() : errors))
                .orElse(null));
        if (draft.isPresent()) {
            Set<UUID> chosen = new HashSet<>(posted != null ? posted.incoming()
                    : draft.get().incoming().stream().map(HandoverView.Person::id).toList());
            model.addAttribute("colleagues", handovers.colleagues(me.member()));
            model.addAttribute("chosenIncoming", chosen);
            model.addAttribute("notesValue", posted != null ? posted.notes() : draft.get().notes());
            model.addAttribute("emergenciesValue", posted != null ? posted.emergencies() : draft.get().emergencies());
            model.addAttribute("fieldErrors", errors == null ? Map.of() : errors);
        }
        model.addAttribute("incoming", handovers.addressedTo(me.id()).stream()
                .map(h -> card(h, zone, null, Map.of())).toList());
        boolean lead = teams.leadsAnyone(me.member());
        model.addAttribute("lead", lead);
        model.addAttribute("team", lead ? handovers.awaitingLedBy(me.member()).stream()
                .map(h -> card(h, zone, null, Map.of())).toList() : List.of());
        model.addAttribute("q", q);
        model.addAttribute("log", handovers.search(q, me.member()).stream()
                .map(h -> card(h, zone, null, Map.of())).toList());
        return "workforce/handover";
    }

    private Card card(HandoverView h, ZoneId zone, HandoverForm posted, Map<String, String> errors) {
        Map<UUID, String> gameNames = new HashMap<>();
        for (HandoverItem item : h.items()) {
            if (item.gameId() != null && !gameNames.containsKey(item.gameId())) {
                gameNames.put(item.gameId(), games.all().stream().filter(g -> g.id().equals(item.gameId()))
                        .map(GameInfo::name).findFirst().orElse(""));
            }
        }
        Map<UUID, Integer> postedIndex = new HashMap<>();
        if (posted != null) {
            for (int n = 0; n < posted.items().size(); n++) {
                postedIndex.put(posted.items().get(n).itemId(), n);
            }
        }
        List<ItemRow> rows = new ArrayList<>();
        for (int n = 0; n < h.items().size(); n++) {
            HandoverItem item = h.items().get(n);
            Integer at = postedIndex.get(item.id());
            HandoverForm.ItemChoice choice = at == null ? null : posted.items().get(at);
            String prefix = "items[" + (at == null ? n : at) + "].";
            rows.add(new ItemRow(n, item, gameNames.get(item.gameId()), detailKey(item), when(item.dueAt(), zone),
                    choice == null ? item.note() : choice.note(),
                    choice == null ? item.disposition().code() : choice.disposition(),
                    choice == null ? item.targetId() : choice.target(), errors.get(prefix + "note"),
                    errors.get(prefix + "disposition"), errors.get(prefix + "target")));
        }
        String shift = h.shiftStart() == null ? null : when(h.shiftStart(), zone) + "–" + when(h.shiftEnd(), zone);
        Instant settledAt = h.releasedAt() != null ? h.releasedAt() : h.acknowledgedAt();
        return new Card(h, shift, when(h.submittedAt(), zone), when(h.dueAt(), zone), when(settledAt, zone), rows);
    }

    private static String detailKey(HandoverItem item) {
        if (item.detail() == null) {
            return null;
        }
        return switch (item.kind()) {
            case TICKET -> "ticket.status." + item.detail();
            case APPROVAL -> "gm.action." + item.detail();
            default -> null;
        };
    }

    /** The form as posted: items by index ({@code items[0].itemId}, {@code .note}, {@code .disposition}, {@code .target}). */
    static HandoverForm form(MultiValueMap<String, String> params) {
        List<HandoverForm.ItemChoice> items = new ArrayList<>();
        for (int n = 0; params.containsKey("items[" + n + "].itemId") && n < 1000; n++) {
            String at = "items[" + n + "].";
            items.add(new HandoverForm.ItemChoice(uuid(params.getFirst(at + "itemId")), params.getFirst(at + "note"),
                    params.getFirst(at + "disposition"), uuid(params.getFirst(at + "target"))));
        }
        List<UUID> incoming = params.getOrDefault("incoming", List.of()).stream().filter(s -> !s.isBlank())
                .map(HandoverController::uuid).toList();
        return new HandoverForm(params.getFirst("emergencies"), params.getFirst("notes"), incoming, items);
    }

    /** An id as posted; what is no id names nobody (and is refused as such). */
    private static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }

    private Map<String, String> errors(InvalidInput invalid, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        invalid.errors().forEach(e -> byField.putIfAbsent(e.field(), texts.text(e, locale)));
        return byField;
    }

    private ZoneId zone(StaffUser me) {
        Roster roster = routing.rosters(List.of(me.id())).get(me.id());
        return roster == null ? ZoneId.of("Asia/Shanghai") : roster.zone();
    }

    private static String when(Instant at, ZoneId zone) {
        return at == null ? null : WHEN.format(at.atZone(zone));
    }
}
