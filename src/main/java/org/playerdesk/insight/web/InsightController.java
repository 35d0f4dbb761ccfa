package org.playerdesk.insight.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.figures.FigureRebuild;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The insight dashboard, {@code /console/insight}: where leads and supervisors land after sign-in.
 * The period and the game are in the address, so a view can be bookmarked; the figures come from
 * the {@link InsightSection} beans, each asked for the reader, their chosen games and the period.
 * A game the reader does not serve is refused (403), a period that is not one is explained (400),
 * both on the page, in the reader's language.
 */
@Controller
class InsightController {

    private final GameCatalog games;
    private final List<InsightSection> sections;
    private final ErrorTexts errors;
    private final Clock clock;
    private final FigureRebuild rebuild;
    private final AuditLog audit;
    /** Whether the exports' links fragment ({@code insight/export :: links(report, query)}) is there. */
    private final boolean exports = new ClassPathResource("templates/insight/export.html").exists();

    InsightController(GameCatalog games, List<InsightSection> sections, ErrorTexts errors, Clock clock,
            FigureRebuild rebuild, AuditLog audit) {
        this.games = games;
        this.sections = sections.stream()
                .sorted(Comparator.comparing(InsightSection::region).thenComparingInt(InsightSection::order)).toList();
        this.errors = errors;
        this.clock = clock;
        this.rebuild = rebuild;
        this.audit = audit;
    }

    /** The addresses people try for reports. */
    @GetMapping({"/console/reports", "/console/dashboard"})
    String elsewhere() {
        return "redirect:/console/insight";
    }

    /** One region of the page and the sections that had something to show in it. */
    record RegionView(InsightSection.Region region, List<SectionView> sections) {
    }

    /** One section: its fragment, its figures and what its export links need. */
    record SectionView(String template, Object data, String report) {
    }

    /** A game of the game picker: its name, chosen by its code. */
    record GameChoice(String code, String name) {
    }

    @GetMapping("/console/insight")
    String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String date,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String game, @RequestParam(required = false) String by,
            @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, HttpServletResponse response) {
        Set<UUID> scope = me.gameScope();
        List<GameProfile> served = games.profiles().stream().filter(g -> scope == null || scope.contains(g.id()))
                .toList();
        boolean lead = me.role().leads();
        model.addAttribute(InsightNav.MODEL, InsightNav.of(me, "dashboard"));
        boolean admin = me.role() == StaffRole.ADMIN;
        model.addAttribute("mayRebuild", admin);
        model.addAttribute("rebuildRunning", admin && rebuild.running());
        model.addAttribute("lead", lead);
        model.addAttribute("games", served.stream().map(g -> new GameChoice(g.code(), g.name())).toList());
        model.addAttribute("chosenGame", game == null ? "" : game.strip());
        model.addAttribute("kinds", List.of(Period.Kind.values()));
        model.addAttribute("exports", exports);
        model.addAttribute("typed", typed(period, date, from, to));
        model.addAttribute("regions", List.of());

        List<GameProfile> chosen = served;
        if (game != null && !game.isBlank()) {
            chosen = served.stream().filter(g -> g.code().equals(game.strip())).toList();
            if (chosen.isEmpty()) {
                // an unknown game and another team's game read alike: the page does not say which exist
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                model.addAttribute("refusal", "insight.error.game");
                return "insight/dashboard";
            }
        }
        LocalDate today = today(chosen);
        Period chosenPeriod;
        try {
            chosenPeriod = Period.parse(period, date, from, to, today);
        } catch (InvalidInput invalid) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("periodErrors", errors.firstByField(invalid, locale));
            return "insight/dashboard";
        }
        Map<String, String> options = new LinkedHashMap<>();
        if (game != null && !game.isBlank()) {
            options.put("game", game.strip());
        }
        if (by != null && !by.isBlank()) {
            options.put("by", by.strip());
        }
        InsightScope insight = new InsightScope(me, lead, chosen.stream().map(GameProfile::info).toList(),
                chosenPeriod, today, options);
        model.addAttribute("period", chosenPeriod);
        model.addAttribute("today", today);
        model.addAttribute("typed", typed(chosenPeriod));
        model.addAttribute("query", query(chosenPeriod, game));
        // all the reader's games go without their ids: an export without games is of all the reader
        // serves, and an administrator of hundreds of games would otherwise get links too long to follow
        model.addAttribute("exportQuery", exportQuery(options.containsKey("game") ? chosen : List.of(), chosenPeriod,
                options.get("by")));
        model.addAttribute("previousQuery", query(chosenPeriod.previous(), game));
        model.addAttribute("nextQuery", query(chosenPeriod.next(), game));
        model.addAttribute("regions", regions(insight, locale));
        return "insight/dashboard";
    }

    /**
     * Recomputes every figure from the tickets' history, in the background (administrators only;
     * anyone else is refused, 403). Written to the audit log; a rebuild already running on this
     * node is not started twice.
     */
    @PostMapping("/console/insight/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    String rebuild(@AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        boolean started = rebuild.start();
        if (started) {
            audit.record(me.member(), null, "insight.rebuild", "insight", "figures",
                    "rebuild of every figure from the tickets' history");
        }
        redirect.addFlashAttribute("rebuildNotice", started ? "insight.rebuild.started" : "insight.rebuild.running");
        return "redirect:/console/insight";
    }

    private List<RegionView> regions(InsightScope scope, Locale locale) {
        Map<InsightSection.Region, List<SectionView>> shown = new LinkedHashMap<>();
        for (InsightSection section : sections) {
            Optional<Object> data = section.data(scope, locale);
            data.ifPresent(figures -> shown.computeIfAbsent(section.region(), r -> new ArrayList<>())
                    .add(new SectionView(section.template(), figures, section.report().orElse(null))));
        }
        return shown.entrySet().stream().map(e -> new RegionView(e.getKey(), e.getValue())).toList();
    }

    /**
     * What "today" is for these games: the figures are counted by each game's own days, so today is
     * the games' time zone's (the one most of them share).
     */
    private LocalDate today(List<GameProfile> chosen) {
        return Asked.today(games, chosen.stream().map(GameProfile::id).toList(), clock);
    }

    /**
     * The query of the sections' export links ({@code /console/insight/export/<report>}): the chosen
     * games by id (none for all the reader's games) and the period's days, and the breakdown's
     * dimension when one is chosen.
     */
    static String exportQuery(List<GameProfile> chosen, Period period, String by) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        chosen.forEach(game -> query.queryParam("games", game.id()));
        query.queryParam("from", period.from()).queryParam("to", period.to());
        if (by != null) {
            query.queryParam("by", by);
        }
        return query.build().encode().getQuery();
    }

    /** The period's query (with the game, when one is chosen), as the address and the export links carry it. */
    static String query(Period period, String game) {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance();
        period.query().forEach(query::queryParam);
        if (game != null && !game.isBlank()) {
            query.queryParam("game", game.strip());
        }
        return query.build().encode().getQuery();
    }

    /** What the picker shows again. */
    record Typed(String period, String date, String from, String to) {
    }

    private static Typed typed(String period, String date, String from, String to) {
        return new Typed(period == null || period.isBlank() ? "day" : period.strip(), date, from, to);
    }

    private static Typed typed(Period period) {
        return new Typed(period.kind().code(), period.from().toString(), period.from().toString(),
                period.to().toString());
    }
}
