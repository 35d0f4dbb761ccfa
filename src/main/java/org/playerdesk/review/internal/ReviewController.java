package org.playerdesk.review.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.review.MonthlyReviews;
import org.playerdesk.review.Review;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The monthly review pages: the board of a team's reviews over a quarter for its leads
 * ({@code /console/reviews}; someone who leads no one sees their own reviews there), one review
 * ({@code /console/reviews/{id}}) with the lead's marks and the agent's acknowledgement. Who may
 * see and do what is {@link MonthlyReviews}'.
 */
@Controller
@RequestMapping("/console/reviews")
class ReviewController {

    /** One month of an agent on the board: the review, if drafted. */
    record Cell(YearMonth month, UUID reviewId, String state, Integer result) {
    }

    record Row(UUID agentId, String name, List<Cell> cells) {
    }

    record TeamChoice(UUID id, String name) {
    }

    private final MonthlyReviews reviews;
    private final Teams teams;
    private final StaffDirectory staff;
    private final ErrorTexts problems;

    ReviewController(MonthlyReviews reviews, Teams teams, StaffDirectory staff, ErrorTexts problems) {
        this.reviews = reviews;
        this.teams = teams;
        this.staff = staff;
        this.problems = problems;
    }

    @GetMapping
    String board(@RequestParam(required = false) UUID team, @RequestParam(required = false) String quarter,
            @AuthenticationPrincipal StaffUser me, Model model) {
        StaffMember reader = me.member();
        if (!teams.leadsAnyone(reader)) {
            model.addAttribute("reviews", reviews.mine(reader));
            return "review/mine";
        }
        List<TeamView> choices = reader.role().leads() ? teams.all() : teams.ledBy(reader.id());
        TeamView chosen = team == null ? null
                : choices.stream().filter(t -> t.id().equals(team)).findFirst()
                        .orElseThrow(() -> new NotFoundException("team", team));
        if (chosen == null && !reader.role().leads()) {
            chosen = choices.getFirst();
        }
        YearMonth first = quarterStart(quarter);
        List<YearMonth> months = List.of(first, first.plusMonths(1), first.plusMonths(2));
        Set<UUID> agents = new LinkedHashSet<>();
        if (chosen != null) {
            agents.addAll(chosen.memberIds());
        } else {
            staff.all().stream().filter(m -> m.enabled() && !m.role().leads() && m.can(Permission.WORK_TICKETS))
                    .forEach(m -> agents.add(m.id()));
        }
        agents.remove(reader.id());
        Map<UUID, StaffMember> people = staff.byIds(agents);
        Map<UUID, Map<YearMonth, Review>> byAgent = new HashMap<>();
        for (Review review : reviews.board(people.keySet(), months.getFirst(), months.getLast(),
                chosen == null ? "all" : chosen.id().toString(), reader)) {
            byAgent.computeIfAbsent(review.agentId(), a -> new HashMap<>()).put(review.month(), review);
        }
        List<Row> rows = new ArrayList<>();
        for (StaffMember member : people.values()) {
            Map<YearMonth, Review> of = byAgent.getOrDefault(member.id(), Map.of());
            List<Cell> cells = months.stream().map(m -> {
                Review r = of.get(m);
                return r == null ? new Cell(m, null, null, null) : new Cell(m, r.id(), r.state().code(), r.result());
            }).toList();
            rows.add(new Row(member.id(), member.displayName(), cells));
        }
        rows.sort(Comparator.comparing(Row::name).thenComparing(Row::agentId));
        model.addAttribute("rows", rows);
        model.addAttribute("months", months);
        model.addAttribute("draftable", months.stream().filter(m -> !m.isAfter(reviews.thisMonth())).toList());
        model.addAttribute("quarter", quarterCode(first));
        model.addAttribute("previousQuarter", quarterCode(first.minusMonths(3)));
        model.addAttribute("nextQuarter", quarterCode(first.plusMonths(3)));
        model.addAttribute("team", chosen == null ? null : new TeamChoice(chosen.id(), chosen.name()));
        model.addAttribute("teams", choices.stream().map(t -> new TeamChoice(t.id(), t.name())).toList());
        model.addAttribute("everyone", reader.role().leads());
        return "review/board";
    }

    @PostMapping("/draft")
    String draft(@RequestParam(required = false) UUID team, @RequestParam String month,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        StaffMember reader = me.member();
        List<UUID> agents;
        if (team != null) {
            TeamView chosen = teams.get(team).orElseThrow(() -> new NotFoundException("team", team));
            if (!reader.role().leads() && !chosen.ledBy(reader.id())) {
                throw new AccessDeniedException("only the team's leads draft its reviews");
            }
            agents = chosen.memberIds().stream().filter(a -> reviews.mayReview(reader, a)).toList();
        } else if (reader.role().leads()) {
            agents = staff.all().stream().filter(m -> m.enabled() && !m.role().leads()
                    && m.can(Permission.WORK_TICKETS) && reviews.mayReview(reader, m.id())).map(StaffMember::id).toList();
        } else {
            throw new AccessDeniedException("only leads draft reviews");
        }
        String back = "redirect:/console/reviews" + (team == null ? "" : "?team=" + team);
        try {
            YearMonth when = month(month);
            reviews.draft(agents, when, reader);
            redirect.addFlashAttribute("notice", "review.drafted");
            return "redirect:/console/reviews?quarter=" + quarterCode(quarterStart(when))
                    + (team == null ? "" : "&team=" + team);
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problem", problems.summary(invalid, locale));
            return back;
        }
    }

    @GetMapping("/{id}")
    String review(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        Review review = reviews.show(id, me.member());
        model.addAttribute("review", review);
        model.addAttribute("agentName", staff.get(review.agentId()).displayName());
        model.addAttribute("reviewerName", review.reviewedBy() == null ? null
                : staff.byIds(List.of(review.reviewedBy())).values().stream().map(StaffMember::displayName).findFirst()
                        .orElse(null));
        model.addAttribute("lead", reviews.mayReview(me.member(), review.agentId()));
        model.addAttribute("own", review.agentId().equals(me.id()));
        model.addAttribute("marks", MonthlyReviews.MARKS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new MonthlyReviews.Assessment(text(review.attitude()), text(review.ability()),
                    text(review.quality()), text(review.satisfaction()), text(review.teamwork()), review.leadComment()));
        }
        var form = (MonthlyReviews.Assessment) model.getAttribute("form");
        List<String> written = java.util.Arrays.asList(form.attitude(), form.ability(), form.quality(),
                form.satisfaction(), form.teamwork());
        List<Integer> given = java.util.Arrays.asList(review.attitude(), review.ability(), review.quality(),
                review.satisfaction(), review.teamwork());
        Map<String, String> values = new HashMap<>();
        Map<String, String> marks = new HashMap<>();
        for (int i = 0; i < MonthlyReviews.MARKS.size(); i++) {
            values.put(MonthlyReviews.MARKS.get(i), written.get(i));
            marks.put(MonthlyReviews.MARKS.get(i), given.get(i) == null ? "–" : given.get(i).toString());
        }
        model.addAttribute("values", values);
        model.addAttribute("given", marks);
        return "review/review";
    }

    @PostMapping("/{id}/assess")
    String assess(@PathVariable UUID id, @RequestParam(required = false) String attitude,
            @RequestParam(required = false) String ability, @RequestParam(required = false) String quality,
            @RequestParam(required = false) String satisfaction, @RequestParam(required = false) String teamwork,
            @RequestParam(required = false) String comment, @RequestParam(required = false) String share,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect) {
        var form = new MonthlyReviews.Assessment(attitude, ability, quality, satisfaction, teamwork, comment);
        try {
            reviews.assess(id, form, me.member());
            if (share != null) {
                reviews.share(id, me.member());
            }
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", problems.firstByField(invalid, locale));
            model.addAttribute("form", form);
            return review(id, me, model);
        }
        redirect.addFlashAttribute("notice", share != null ? "review.shared" : "review.saved");
        return "redirect:/console/reviews/" + id;
    }

    @PostMapping("/{id}/refresh")
    String refresh(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        reviews.refresh(id, me.member());
        redirect.addFlashAttribute("notice", "review.refreshed");
        return "redirect:/console/reviews/" + id;
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, @RequestParam(required = false) String comment,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect) {
        try {
            reviews.acknowledge(id, comment, me.member());
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", problems.firstByField(invalid, locale));
            model.addAttribute("agentComment", comment);
            return review(id, me, model);
        }
        redirect.addFlashAttribute("notice", "review.acknowledgedNotice");
        return "redirect:/console/reviews/" + id;
    }

    /** A review one may not see is the console's 404 page, as if it did not exist. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView absent() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }

    /** A review changed after it was shared, or shared unmarked: back to it with the reason. */
    @ExceptionHandler(RuleViolation.class)
    String refused(RuleViolation refused, Locale locale, jakarta.servlet.http.HttpServletRequest request,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("problem", problems.text(refused, locale));
        String path = request.getRequestURI();
        return "redirect:" + path.substring(0, path.lastIndexOf('/'));
    }

    /** The first month of a quarter written "2027-Q1"; this quarter when none (or no such) is given. */
    private YearMonth quarterStart(String quarter) {
        if (quarter != null && quarter.matches("\\d{4}-Q[1-4]")) {
            return YearMonth.of(Integer.parseInt(quarter.substring(0, 4)), (quarter.charAt(6) - '1') * 3 + 1);
        }
        return quarterStart(reviews.thisMonth());
    }

    static YearMonth quarterStart(YearMonth month) {
        return month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
    }

    static String quarterCode(YearMonth start) {
        return start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(List.of(new InvalidInput.FieldError("month", "invalid.pay.month")));
        }
    }

    private static String text(Integer mark) {
        return mark == null ? null : mark.toString();
    }
}
