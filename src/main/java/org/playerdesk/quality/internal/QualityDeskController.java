package org.playerdesk.quality.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.quality.ReviewState;
import org.playerdesk.quality.Scorecard;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.ReplyReview;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketRef;
import org.playerdesk.ticket.Visibility;
import org.springframework.security.access.AccessDeniedException;
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
 * The quality desk ({@code /console/quality}, docs/quality.md): a day's draw of conversations for
 * review, scoring one on the scorecard beside its transcript and what the reply checks found, the
 * disputes a lead resolves, calibration (one conversation, several reviewers, their spread), each
 * agent's results; an agent's own reviews ({@code /console/quality/mine}) to acknowledge or dispute;
 * a game's scorecard ({@code /console/quality/scorecard}) and how many conversations are drawn.
 */
@Controller
@RequestMapping("/console/quality")
class QualityDeskController {

    static final int LIST_MAX = 200;
    static final int RESULT_DAYS = 30;

    /** A conversation drawn, as the desk lists it. */
    record SampleRow(UUID ticketId, long number, String agent, UUID agentId, String reason, int reviews,
            Integer myPercent) {
    }

    /** A review as a list shows it. */
    record ReviewRow(UUID id, UUID ticketId, long number, String game, String agent, String reviewer, int score, int max,
            int percent, boolean fatal, String state, String comment, String agentComment, String resolution) {
    }

    /** An agent's results over the period. */
    record AgentResult(String agent, int reviews, int meanPercent, int fatal, int disputed) {
    }

    /** One calibrated conversation: each reviewer's score and the spread. */
    record CalibrationRow(UUID ticketId, long number, String agent, List<ReviewRow> reviews, int spread) {
    }

    /** A message of the transcript with what the reply checks found in it. */
    record Line(String author, boolean agent, boolean internal, String body, java.time.Instant at,
            List<FindingText> findings) {
    }

    /** A finding as the transcript shows it: its check's code and its words. */
    record FindingText(String code, String text) {
    }

    /** A deduction or fatal error on the form: its code, name, points (0 for a fatal one), marked or not, and why. */
    record Mark(String code, String name, int points, boolean marked, boolean suggested) {
    }

    /** A section on the form: its name, points and deductions. */
    record SectionForm(String name, int points, List<Mark> items) {
    }

    private final Sampler sampler;
    private final Reviews reviews;
    private final Scorecards scorecards;
    private final TicketQueries tickets;
    private final StaffDirectory staff;
    private final GameCatalog games;
    private final QualityGames choices;
    private final ErrorTexts problems;
    private final Clock clock;

    QualityDeskController(Sampler sampler, Reviews reviews, Scorecards scorecards, TicketQueries tickets,
            StaffDirectory staff, GameCatalog games, QualityGames choices, ErrorTexts problems, Clock clock) {
        this.choices = choices;
        this.sampler = sampler;
        this.reviews = reviews;
        this.scorecards = scorecards;
        this.tickets = tickets;
        this.staff = staff;
        this.games = games;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('REVIEW_QUALITY')")
    String desk(@RequestParam(required = false) String game, @RequestParam(required = false) String day,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        GameInfo chosen = choices.chosen(game, me);
        LocalDate date = day(day, chosen);
        model.addAttribute("games", choices.choices(me));
        model.addAttribute("game", chosen);
        model.addAttribute("day", date);
        model.addAttribute("lead", me.member().role().leads());
        model.addAttribute("perAgent", sampler.perAgent(chosen.id()));
        var draw = sampler.find(chosen.id(), date);
        model.addAttribute("drawn", draw.isPresent());
        draw.ifPresent(d -> {
            model.addAttribute("seed", Long.toHexString(d.seed()));
            model.addAttribute("drawnAt", d.drawnAt());
            model.addAttribute("samples", samples(d.picks(), me.id(), locale));
        });
        List<UUID> gameIds = List.of(chosen.id());
        model.addAttribute("disputes", rows(reviews.inState(gameIds, ReviewState.DISPUTED, LIST_MAX)));
        model.addAttribute("calibrations", calibrations(reviews.calibrations(gameIds, 20)));
        model.addAttribute("results", results(reviews.since(gameIds, clock.instant().minus(Duration.ofDays(RESULT_DAYS)),
                5_000)));
        model.addAttribute("resultDays", RESULT_DAYS);
        return "quality/desk";
    }

    /** Draws the day's conversations now (the daily draw does it for yesterday on its own). */
    @PostMapping("/draw")
    @PreAuthorize("hasAuthority('REVIEW_QUALITY')")
    String draw(@RequestParam String game, @RequestParam String day, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        GameInfo chosen = choices.chosen(game, me);
        LocalDate date = day(day, chosen);
        if (date.isAfter(sampler.yesterday(chosen.id()).plusDays(1))) {
            throw new RuleViolation("quality.draw.future", "a day to come cannot be drawn");
        }
        sampler.draw(chosen.id(), date, me.id());
        redirect.addFlashAttribute("notice", "quality.draw.done");
        return "redirect:/console/quality?game=" + chosen.code() + "&day=" + date;
    }

    /** How many conversations of each agent the daily draw picks (leads). */
    @PostMapping("/settings")
    @PreAuthorize("hasAuthority('REVIEW_QUALITY')")
    String settings(@RequestParam String game, @RequestParam(name = "perAgent", required = false) String perAgent,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        GameInfo chosen = choices.chosen(game, me);
        mustLead(me);
        int count;
        try {
            count = Integer.parseInt(perAgent == null ? "" : perAgent.strip());
        } catch (NumberFormatException notNumber) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("perAgent", "invalid.wholeNumber")));
        }
        if (count < 1 || count > Sampler.PER_AGENT_MAX) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("perAgent", "invalid.range", 1,
                    Sampler.PER_AGENT_MAX)));
        }
        sampler.setPerAgent(chosen.id(), count);
        redirect.addFlashAttribute("notice", "quality.settings.saved");
        return "redirect:/console/quality?game=" + chosen.code();
    }

    /** A conversation to score: the agent's part in the ticket, the transcript and the scorecard. */
    @GetMapping("/reviews/{ticket}")
    @PreAuthorize("hasAuthority('REVIEW_QUALITY')")
    String review(@PathVariable UUID ticket, @RequestParam UUID agent, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model) {
        TicketDetails details = visible(ticket, me);
        var mine = reviews.find(ticket, agent, me.id());
        Scorecard scorecard = mine.flatMap(r -> scorecards.byId(r.scorecardId())).map(Scorecards.Version::scorecard)
                .orElseGet(() -> scorecards.peek(details.ticket().gameId()));
        Map<UUID, List<ReplyReview.Finding>> found = tickets.findings(ticket);
        Set<String> codes = details.messages().stream().filter(m -> agent.equals(m.authorId()))
                .flatMap(m -> found.getOrDefault(m.id(), List.of()).stream()).map(ReplyReview.Finding::code)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> suggested = scorecard.suggested(codes);
        Set<String> marked = mine.map(Reviews.Review::marks).orElse(suggested);
        model.addAttribute("ticket", details.ticket());
        model.addAttribute("agentId", agent);
        model.addAttribute("agentName", name(agent));
        model.addAttribute("lines", transcript(details, found, locale));
        model.addAttribute("foundCodes", codes);
        model.addAttribute("form", form(scorecard, marked, suggested, locale));
        model.addAttribute("fatals", fatals(scorecard, marked, locale));
        model.addAttribute("max", scorecard.max());
        model.addAttribute("comment", mine.map(Reviews.Review::comment).orElse(""));
        model.addAttribute("mine", mine.map(r -> rows(List.of(r)).getFirst()).orElse(null));
        // the others' scores are shown once one has scored oneself (calibration: scored apart, compared after)
        List<Reviews.Review> all = reviews.ofTicket(ticket).stream().filter(r -> r.agentId().equals(agent)).toList();
        model.addAttribute("others", mine.isPresent() ? rows(all) : List.of());
        model.addAttribute("reviewCount", all.size());
        return "quality/review";
    }

    @PostMapping("/reviews/{ticket}")
    @PreAuthorize("hasAuthority('REVIEW_QUALITY')")
    String score(@PathVariable UUID ticket, @RequestParam UUID agent,
            @RequestParam(name = "mark", required = false) List<String> marks,
            @RequestParam(required = false) String comment, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        visible(ticket, me);
        reviews.score(ticket, agent, me.member(), marks == null ? List.of() : marks, comment);
        redirect.addFlashAttribute("notice", "quality.review.saved");
        return "redirect:/console/quality/reviews/" + ticket + "?agent=" + agent;
    }

    /** A dispute for a lead to resolve: the review, the agent's reason and the scorecard with the marks. */
    @GetMapping("/disputes/{review}")
    @PreAuthorize("hasAuthority('REVIEW_QUALITY')")
    String dispute(@PathVariable UUID review, @AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        Reviews.Review disputed = reviews.get(review);
        TicketDetails details = visible(disputed.ticketId(), me);
        Scorecard scorecard = scorecards.byId(disputed.scorecardId()).orElseThrow().scorecard();
        model.addAttribute("review", rows(List.of(disputed)).getFirst());
        model.addAttribute("reviewId", disputed.id());
        model.addAttribute("ticket", details.ticket());
        model.addAttribute("agentId", disputed.agentId());
        model.addAttribute("lines", transcript(details, tickets.findings(disputed.ticketId()), locale));
        model.addAttribute("form", form(scorecard, disputed.marks(), Set.of(), locale));
        model.addAttribute("fatals", fatals(scorecard, disputed.marks(), locale));
        model.addAttribute("max", scorecard.max());
        model.addAttribute("open", disputed.state() == ReviewState.DISPUTED && me.member().role().leads());
        return "quality/dispute";
    }

    @PostMapping("/disputes/{review}")
    @PreAuthorize("hasAuthority('REVIEW_QUALITY')")
    String resolve(@PathVariable UUID review, @RequestParam(name = "mark", required = false) List<String> marks,
            @RequestParam(required = false) String resolution, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        Reviews.Review disputed = reviews.get(review);
        visible(disputed.ticketId(), me);
        reviews.resolve(review, me.member(), marks == null ? List.of() : marks, resolution);
        redirect.addFlashAttribute("notice", "quality.dispute.resolved");
        return "redirect:/console/quality/disputes/" + review;
    }

    /** The reviews of one's own conversations, the latest first, each to acknowledge or dispute. */
    @GetMapping("/mine")
    String mine(@AuthenticationPrincipal StaffUser me, Model model) {
        List<Reviews.Review> own = reviews.ofAgent(me.id(), LIST_MAX);
        model.addAttribute("reviews", rows(own));
        model.addAttribute("mean", own.isEmpty() ? null
                : (int) Math.round(own.stream().mapToInt(Reviews.Review::percent).average().orElse(0)));
        return "quality/mine";
    }

    @PostMapping("/mine/{review}/acknowledge")
    String acknowledge(@PathVariable UUID review, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        reviews.acknowledge(review, me.member());
        redirect.addFlashAttribute("notice", "quality.mine.acknowledged");
        return "redirect:/console/quality/mine";
    }

    @PostMapping("/mine/{review}/dispute")
    String disputeOwn(@PathVariable UUID review, @RequestParam(required = false) String comment,
            @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        reviews.dispute(review, me.member(), comment);
        redirect.addFlashAttribute("notice", "quality.mine.disputed");
        return "redirect:/console/quality/mine";
    }

    /** The game's scorecard as text, its versions, and the form to save a new one (leads). */
    @GetMapping("/scorecard")
    @PreAuthorize("hasAuthority('REVIEW_QUALITY')")
    String scorecard(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model) {
        GameInfo chosen = choices.chosen(game, me);
        model.addAttribute("games", choices.choices(me));
        model.addAttribute("game", chosen);
        model.addAttribute("lead", me.member().role().leads());
        List<Scorecards.Version> versions = scorecards.history(chosen.id());
        Scorecard current = versions.isEmpty() ? scorecards.peek(chosen.id()) : versions.getFirst().scorecard();
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", ScorecardText.format(current));
        }
        model.addAttribute("version", versions.isEmpty() ? 0 : versions.getFirst().version());
        model.addAttribute("versions", versions.stream().map(v -> Map.of("version", v.version(), "at", v.createdAt(),
                "by", v.createdBy() == null ? "" : name(v.createdBy()))).toList());
        model.addAttribute("form", form(current, Set.of(), Set.of(), locale));
        model.addAttribute("fatals", fatals(current, Set.of(), locale));
        model.addAttribute("max", current.max());
        return "quality/scorecard";
    }

    @PostMapping("/scorecard")
    @PreAuthorize("hasAuthority('REVIEW_QUALITY')")
    String saveScorecard(@RequestParam String game, @RequestParam(name = "definition", required = false) String text,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect) {
        GameInfo chosen = choices.chosen(game, me);
        mustLead(me);
        try {
            scorecards.save(chosen.id(), text, me.id());
        } catch (InvalidInput refused) {
            // nothing is saved; the page keeps the text and names each line that does not read
            model.addAttribute("text", text);
            model.addAttribute("errors", refused.errors().stream().map(e -> problems.text(e, locale)).toList());
            return scorecard(game, me, locale, model);
        }
        redirect.addFlashAttribute("notice", "quality.scorecard.saved");
        return "redirect:/console/quality/scorecard?game=" + chosen.code();
    }

    private List<SampleRow> samples(List<Sampler.Pick> picks, UUID me, Locale locale) {
        Map<UUID, Long> numbers = tickets.refs(picks.stream().map(Sampler.Pick::ticketId).toList()).stream()
                .collect(Collectors.toMap(TicketRef::id, TicketRef::number));
        Map<UUID, StaffMember> people = staff.byIds(picks.stream().map(Sampler.Pick::agentId).collect(Collectors.toSet()));
        Map<UUID, List<Reviews.Review>> byTicket = reviews.ofTickets(picks.stream().map(Sampler.Pick::ticketId).toList())
                .stream().collect(Collectors.groupingBy(Reviews.Review::ticketId));
        List<SampleRow> rows = new ArrayList<>();
        for (Sampler.Pick pick : picks) {
            List<Reviews.Review> scored = byTicket.getOrDefault(pick.ticketId(), List.of()).stream()
                    .filter(r -> r.agentId().equals(pick.agentId())).toList();
            Integer mine = scored.stream().filter(r -> r.reviewerId().equals(me)).map(Reviews.Review::percent).findFirst()
                    .orElse(null);
            rows.add(new SampleRow(pick.ticketId(), numbers.getOrDefault(pick.ticketId(), 0L),
                    nameOf(people.get(pick.agentId())), pick.agentId(), pick.reason().code(), scored.size(), mine));
        }
        return rows;
    }

    /** The reviews as rows, their tickets' numbers, games and people read once for all. */
    private List<ReviewRow> rows(List<Reviews.Review> list) {
        Map<UUID, String> names = names(list);
        Map<UUID, Long> numbers = tickets.refs(list.stream().map(Reviews.Review::ticketId).distinct().toList()).stream()
                .collect(Collectors.toMap(TicketRef::id, TicketRef::number));
        Map<UUID, String> gameNames = new HashMap<>();
        list.forEach(r -> gameNames.computeIfAbsent(r.gameId(), id -> games.get(id).name()));
        return list.stream().map(r -> new ReviewRow(r.id(), r.ticketId(), numbers.getOrDefault(r.ticketId(), 0L),
                gameNames.get(r.gameId()), names.getOrDefault(r.agentId(), ""), names.getOrDefault(r.reviewerId(), ""),
                r.score(), r.max(), r.percent(), r.fatal(), r.state().code(), r.comment(), r.agentComment(),
                r.resolution())).toList();
    }

    private Map<UUID, String> names(Collection<Reviews.Review> list) {
        Set<UUID> ids = new LinkedHashSet<>();
        list.forEach(r -> {
            ids.add(r.agentId());
            ids.add(r.reviewerId());
        });
        Map<UUID, String> names = new HashMap<>();
        staff.byIds(ids).forEach((id, member) -> names.put(id, member.displayName()));
        return names;
    }

    /** The calibrated conversations as rows, all their reviews made rows at once (one read of tickets and people). */
    private List<CalibrationRow> calibrations(List<Reviews.Calibration> list) {
        List<ReviewRow> all = rows(list.stream().flatMap(c -> c.reviews().stream()).toList());
        Map<UUID, ReviewRow> byId = all.stream().collect(Collectors.toMap(ReviewRow::id, r -> r));
        return list.stream().map(c -> {
            List<ReviewRow> rows = c.reviews().stream().map(r -> byId.get(r.id())).toList();
            return new CalibrationRow(c.ticketId(), rows.isEmpty() ? 0 : rows.getFirst().number(),
                    rows.isEmpty() ? "" : rows.getFirst().agent(), rows, c.spread());
        }).toList();
    }

    private List<AgentResult> results(List<Reviews.Review> list) {
        Map<UUID, List<Reviews.Review>> byAgent = new LinkedHashMap<>();
        list.forEach(r -> byAgent.computeIfAbsent(r.agentId(), a -> new ArrayList<>()).add(r));
        Map<UUID, StaffMember> people = staff.byIds(byAgent.keySet());
        return byAgent.entrySet().stream().map(e -> new AgentResult(nameOf(people.get(e.getKey())), e.getValue().size(),
                (int) Math.round(e.getValue().stream().mapToInt(Reviews.Review::percent).average().orElse(0)),
                (int) e.getValue().stream().filter(Reviews.Review::fatal).count(),
                (int) e.getValue().stream().filter(r -> r.agentComment() != null).count()))
                .sorted(Comparator.comparing(AgentResult::meanPercent).thenComparing(AgentResult::agent)).toList();
    }

    private List<Line> transcript(TicketDetails details, Map<UUID, List<ReplyReview.Finding>> found, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (MessageView message : details.messages()) {
            List<FindingText> findings = found.getOrDefault(message.id(), List.of()).stream()
                    .map(f -> new FindingText(f.code(), problems.message("reply.finding." + f.code(), locale, f.evidence())))
                    .toList();
            lines.add(new Line(message.authorName(), message.authorKind() == Actor.Kind.AGENT,
                    message.visibility() == Visibility.INTERNAL, message.body(), message.createdAt(), findings));
        }
        return lines;
    }

    private static List<SectionForm> form(Scorecard scorecard, Set<String> marked, Set<String> suggested, Locale locale) {
        return scorecard.sections().stream().map(section -> new SectionForm(section.name(locale), section.points(),
                section.items().stream().map(item -> new Mark(item.code(), item.name(locale), item.points(),
                        marked.contains(item.code()), suggested.contains(item.code()))).toList())).toList();
    }

    private static List<Mark> fatals(Scorecard scorecard, Set<String> marked, Locale locale) {
        return scorecard.fatals().stream()
                .map(f -> new Mark(f.code(), f.name(locale), 0, marked.contains(f.code()), false)).toList();
    }

    private TicketDetails visible(UUID ticketId, StaffUser me) {
        TicketDetails details = tickets.details(ticketId, true);
        if (!me.serves(details.ticket().gameId())) {
            throw new NotFoundException("ticket", ticketId);
        }
        return details;
    }

    private String name(UUID staffId) {
        return nameOf(staff.byIds(List.of(staffId)).get(staffId));
    }

    private static String nameOf(StaffMember member) {
        return member == null ? "" : member.displayName();
    }

    private static void mustLead(StaffUser me) {
        if (!me.member().role().leads() || !me.can(Permission.REVIEW_QUALITY)) {
            throw new AccessDeniedException("only a lead changes how quality is checked");
        }
    }

    private LocalDate day(String day, GameInfo game) {
        if (day == null || day.isBlank()) {
            return sampler.yesterday(game.id());
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException bad) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("day", "invalid.date", day)));
        }
    }

}
