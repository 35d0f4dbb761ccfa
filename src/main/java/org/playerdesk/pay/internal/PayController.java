package org.playerdesk.pay.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pay pages: a month's pay ({@code /console/pay}: one's own, a team lead's members', everyone's
 * with the pay permission; {@code ?agent=} for one agent), the quarter's ranking and the excellent
 * employee and team ({@code /console/pay/ranking}), the rules ({@code /console/pay/rules}) and the
 * payroll export. Who may see what is {@link Payroll}'s; every view is audited there.
 */
@Controller
@RequestMapping("/console/pay")
class PayController {

    /** A line as the page shows it: amounts written "1,234.56". */
    record LineView(UUID agentId, String name, boolean reviewed, Integer result, String base, String performance,
            String bonus, String excellentEmployee, String teamAward, String teamImprovement, String excellentTeam,
            String total) {
    }

    record TeamLineView(UUID teamId, String name, String results, String previousResults, String award,
            String improvement, String excellent, String total) {
    }

    record BandView(int lowest, String amount) {
    }

    record RulesView(int version, YearMonth from, String baseSalary, List<BandView> bands, String bonusMax,
            String excellentEmployee, String teamAward, String teamImprovement, String excellentTeam) {
    }

    private final Payroll payroll;
    private final PayRulesStore rules;
    private final PayrollExport export;
    private final ErrorTexts problems;

    PayController(Payroll payroll, PayRulesStore rules, PayrollExport export, ErrorTexts problems) {
        this.payroll = payroll;
        this.rules = rules;
        this.export = export;
        this.problems = problems;
    }

    @GetMapping
    String month(@RequestParam(required = false) String month, @RequestParam(required = false) UUID agent,
            @AuthenticationPrincipal StaffUser me, Model model) {
        YearMonth when = month(month);
        Payroll.Sheet sheet = payroll.month(when, agent, me.member());
        model.addAttribute("sheet", sheet);
        model.addAttribute("rules", view(sheet.rules()));
        model.addAttribute("lines", sheet.lines().stream().map(PayController::view).toList());
        model.addAttribute("teams", sheet.teams().stream().map(t -> new TeamLineView(t.teamId(), t.name(),
                Money.grouped(t.results()), t.previousResults() == null ? null : Money.grouped(t.previousResults()),
                Money.grouped(t.award()), Money.grouped(t.improvement()), Money.grouped(t.excellent()),
                Money.grouped(t.total()))).toList());
        model.addAttribute("previous", when.minusMonths(1));
        model.addAttribute("next", when.plusMonths(1));
        model.addAttribute("all", Payroll.seesAll(me.member()));
        return "pay/month";
    }

    @GetMapping("/ranking")
    @PreAuthorize("hasAuthority('VIEW_PAY')")
    String ranking(@RequestParam(required = false) String month, @AuthenticationPrincipal StaffUser me, Model model) {
        YearMonth when = month(month);
        Payroll.Ranking ranking = payroll.ranking(when, me.member());
        model.addAttribute("ranking", ranking);
        model.addAttribute("month", when);
        model.addAttribute("quarterEnd", PayCalculation.quarter(when).getLast());
        model.addAttribute("money", new Amounts());
        return "pay/ranking";
    }

    @PostMapping("/excellent")
    @PreAuthorize("hasAuthority('VIEW_PAY')")
    String pick(@RequestParam String month, @RequestParam String kind, @RequestParam UUID subject,
            @RequestParam(defaultValue = "true") boolean picked, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        YearMonth when = month(month);
        Excellence.Kind chosen = "team".equals(kind) ? Excellence.Kind.TEAM : Excellence.Kind.EMPLOYEE;
        payroll.pick(when, chosen, subject, picked, me.member());
        redirect.addFlashAttribute("notice", picked ? "pay.excellent.picked" : "pay.excellent.undone");
        return "redirect:/console/pay/ranking?month=" + when;
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAuthority('MANAGE_PAY')")
    String rules(@AuthenticationPrincipal StaffUser me, Model model) {
        List<RulesView> versions = rules.versions().stream().map(PayController::view).toList();
        model.addAttribute("versions", versions);
        model.addAttribute("currency", payroll.currency());
        if (!model.containsAttribute("form")) {
            PayRules current = PayRulesStore.inForce(rules.versions(), payroll.thisMonth());
            model.addAttribute("form", new PayRulesStore.RulesForm(payroll.thisMonth().plusMonths(1).toString(),
                    Money.plain(current.baseSalary()),
                    String.join("\n", current.bands().stream().map(b -> b.lowest() + ":" + Money.plain(b.amount())).toList()),
                    Money.plain(current.bonusMax()), Money.plain(current.excellentEmployeeBp()),
                    Money.plain(current.teamAwardBp()), Money.plain(current.teamImprovementBp()),
                    Money.plain(current.excellentTeamBp())));
        }
        var form = (PayRulesStore.RulesForm) model.getAttribute("form");
        model.addAttribute("fields", List.of("from", "baseSalary", "bonusMax", "excellentEmployee", "teamAward",
                "teamImprovement", "excellentTeam"));
        model.addAttribute("values", java.util.Map.of("from", text(form.from()), "baseSalary", text(form.baseSalary()),
                "bonusMax", text(form.bonusMax()), "excellentEmployee", text(form.excellentEmployee()), "teamAward",
                text(form.teamAward()), "teamImprovement", text(form.teamImprovement()), "excellentTeam",
                text(form.excellentTeam())));
        return "pay/rules";
    }

    @PostMapping("/rules")
    @PreAuthorize("hasAuthority('MANAGE_PAY')")
    String addRules(@RequestParam(required = false) String from, @RequestParam(required = false) String baseSalary,
            @RequestParam(required = false) String bands, @RequestParam(required = false) String bonusMax,
            @RequestParam(required = false) String excellentEmployee, @RequestParam(required = false) String teamAward,
            @RequestParam(required = false) String teamImprovement, @RequestParam(required = false) String excellentTeam,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect) {
        var form = new PayRulesStore.RulesForm(from, baseSalary, bands, bonusMax, excellentEmployee, teamAward,
                teamImprovement, excellentTeam);
        try {
            rules.add(form, payroll.thisMonth(), me.member());
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", problems.firstByField(invalid, locale));
            model.addAttribute("form", form);
            return rules(me, model);
        }
        redirect.addFlashAttribute("notice", "pay.rules.saved");
        return "redirect:/console/pay/rules";
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('MANAGE_PAY')")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String month,
            @RequestParam(defaultValue = "csv") String format, @AuthenticationPrincipal StaffUser me, Locale locale) {
        YearMonth when = month(month);
        Payroll.Sheet sheet = payroll.month(when, null, me.member());
        boolean excel = "xlsx".equals(format);
        byte[] body = excel ? export.xlsx(sheet, locale) : export.csv(sheet, locale);
        return ResponseEntity.ok()
                .contentType(excel ? MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("payroll-" + when + (excel ? ".xlsx" : ".csv")).build().toString())
                .body(body);
    }

    /** Amounts for the ranking page, written "1,234.56". */
    static final class Amounts {
        public String of(long fen) {
            return Money.grouped(fen);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return payroll.thisMonth();
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            return payroll.thisMonth();
        }
    }

    private static LineView view(Payroll.Line line) {
        PayCalculation.AgentPay p = line.pay();
        return new LineView(line.agentId(), line.name(), p.reviewed(), p.result(), Money.grouped(p.base()),
                Money.grouped(p.performance()), Money.grouped(p.bonus()), Money.grouped(p.excellentEmployee()),
                Money.grouped(p.teamAward()), Money.grouped(p.teamImprovement()), Money.grouped(p.excellentTeam()),
                Money.grouped(p.total()));
    }

    private static RulesView view(PayRules r) {
        return new RulesView(r.version(), r.from(), Money.grouped(r.baseSalary()),
                r.bands().stream().map(b -> new BandView(b.lowest(), Money.grouped(b.amount()))).toList(),
                Money.grouped(r.bonusMax()), Money.plain(r.excellentEmployeeBp()), Money.plain(r.teamAwardBp()),
                Money.plain(r.teamImprovementBp()), Money.plain(r.excellentTeamBp()));
    }
}
