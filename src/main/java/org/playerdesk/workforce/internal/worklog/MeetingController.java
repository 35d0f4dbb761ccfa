package org.playerdesk.workforce.internal.worklog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The morning meeting pages of leads: the agenda of a day with the minutes' form
 * ({@code /console/worklog/meeting}), and the meetings kept, each readable as it was held
 * ({@code /console/worklog/meetings/{id}}). Who may read what is {@link TeamLogs}'.
 */
@Controller
@RequestMapping("/console/worklog")
class MeetingController {

    private static final DateTimeFormatter DAY_HH_MM = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    /** Owners come as {@code owner:<item key>} fields of the minutes' form. */
    private static final String OWNER = "owner:";

    /** A past meeting in the list. */
    record Kept(UUID id, LocalDate day, String scopeName, String heldByName, long items, long discussed) {
    }

    private final MorningMeetings meetings;
    private final TeamLogs teamLogs;
    private final WorkingDays days;
    private final ErrorTexts problems;

    MeetingController(MorningMeetings meetings, TeamLogs teamLogs, WorkingDays days, ErrorTexts problems) {
        this.meetings = meetings;
        this.teamLogs = teamLogs;
        this.days = days;
        this.problems = problems;
    }

    @GetMapping("/meeting")
    String meeting(@RequestParam(required = false) UUID team, @RequestParam(required = false) String day,
            @AuthenticationPrincipal StaffUser me, Model model) {
        LocalDate shown = WorkLogController.parse(day, days.today(me.id()));
        UUID chosen = team != null ? team : meetings.defaultTeam(me.member());
        Agenda agenda = meetings.agenda(me.member(), chosen, shown);
        ZoneId zone = days.zoneOf(me.id());
        model.addAttribute("agenda", agenda);
        model.addAttribute("team", agenda.scope().team());
        model.addAttribute("teams", teamLogs.choices(me.member()).stream()
                .map(t -> new WorkLogController.Choice(t.id().toString(), t.name())).toList());
        model.addAttribute("people", agenda.scope().people().stream()
                .map(p -> new WorkLogController.Choice(p.id().toString(), p.displayName())).toList());
        model.addAttribute("incidentTimes", times(agenda, zone));
        model.addAttribute("items", agenda.meeting() == null ? Map.of() : agenda.meeting().items());
        model.addAttribute("past", kept(me));
        model.addAttribute("department", me.role().leads());
        model.addAttribute("keptAt", agenda.meeting() == null ? null
                : DAY_HH_MM.format(agenda.meeting().updatedAt().atZone(zone)));
        if (!model.containsAttribute("minutes")) {
            model.addAttribute("minutes", agenda.meeting() == null ? null : agenda.meeting().minutes());
        }
        return "workforce/meeting";
    }

    @PostMapping("/meeting")
    String keep(@RequestParam(required = false) UUID team, @RequestParam(required = false) String day,
            @RequestParam(required = false) String minutes,
            @RequestParam(name = "discussed", required = false) List<String> discussed,
            @RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, RedirectAttributes redirect) {
        LocalDate shown = WorkLogController.parse(day, days.today(me.id()));
        Map<String, UUID> owners = new HashMap<>();
        boolean unreadable = false;
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            String value = field.getValue().isEmpty() ? null : field.getValue().getFirst();
            if (field.getKey().startsWith(OWNER) && value != null && !value.isBlank()) {
                try {
                    owners.put(field.getKey().substring(OWNER.length()), UUID.fromString(value.strip()));
                } catch (IllegalArgumentException notAnId) {
                    unreadable = true;
                }
            }
        }
        try {
            if (unreadable) {
                throw InvalidInput.of("owner", "invalid.worklog.owner");
            }
            meetings.keep(me.member(), team != null ? team : meetings.defaultTeam(me.member()), shown, minutes, discussed == null ? List.of() : discussed, owners);
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", problems.firstByField(invalid, locale));
            model.addAttribute("minutes", minutes);
            return meeting(team, shown.toString(), me, model);
        }
        redirect.addFlashAttribute("notice", "worklog.meeting.kept");
        return "redirect:/console/worklog/meeting?day=" + shown + (team == null ? "" : "&team=" + team);
    }

    @GetMapping("/meetings/{id}")
    String read(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        Meeting meeting = meetings.read(me.member(), id);
        model.addAttribute("meeting", meeting);
        model.addAttribute("updatedAt", DAY_HH_MM.format(meeting.updatedAt().atZone(days.zoneOf(me.id()))));
        return "workforce/meeting-kept";
    }

    private List<Kept> kept(StaffUser me) {
        return meetings.past(me.member()).stream().map(m -> new Kept(m.id(), m.day(), m.scopeName(), m.heldByName(),
                m.items().size(), m.discussed())).toList();
    }

    private static Map<UUID, String> times(Agenda agenda, ZoneId zone) {
        Map<UUID, String> times = new HashMap<>();
        agenda.incidents().forEach(i -> times.put(i.id(), DAY_HH_MM.format(i.createdAt().atZone(zone))));
        return times;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView absent() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }
}
