package org.playerdesk.insight.export;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.insight.web.InsightNav;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The exports page ({@code /console/insight/exports}): ask for the raw tickets of a filter as CSV,
 * follow the reader's exports while they are written (the page's script reads
 * {@code /console/insight/exports/<id>} as JSON) and download them once finished.
 */
@Controller
class TicketExportsController {

    private final TicketExports exports;
    private final ReaderGames readerGames;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final ErrorTexts texts;
    private final Clock clock;

    TicketExportsController(TicketExports exports, ReaderGames readerGames, GameCatalog games, StaffDirectory staff,
            MessageSource messages, ErrorTexts texts, Clock clock) {
        this.exports = exports;
        this.readerGames = readerGames;
        this.games = games;
        this.staff = staff;
        this.messages = messages;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping("/console/insight/exports")
    String page(@AuthenticationPrincipal StaffUser reader, Locale locale, Model model) {
        model.addAttribute(InsightNav.MODEL, InsightNav.of(reader, "exports"));
        if (!model.containsAttribute("form")) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            model.addAttribute("form", new TicketExports.Request(List.of(), today.minusDays(6).toString(),
                    today.toString(), List.of(), null, null, false));
        }
        List<GameInfo> served = readerGames.served(reader);
        model.addAttribute("games", served);
        model.addAttribute("statuses", Arrays.asList(TicketStatus.values()));
        model.addAttribute("types", Arrays.asList(TicketType.values()));
        model.addAttribute("channels", Arrays.asList(TicketChannel.values()));
        model.addAttribute("mayUnmask", staff.get(reader.id()).can(Permission.VIEW_PERSONAL_DATA));
        model.addAttribute("longestDays", ExportPeriod.LONGEST_DAYS);
        Map<UUID, String> names = names(served);
        model.addAttribute("jobs", exports.of(reader).stream()
                .map(job -> ExportStatus.of(job, names, messages, locale)).toList());
        return "insight/exports";
    }

    @PostMapping("/console/insight/exports")
    String start(@AuthenticationPrincipal StaffUser reader, @RequestParam(required = false) List<String> games,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) List<String> statuses, @RequestParam(required = false) String type,
            @RequestParam(required = false) String channel,
            @RequestParam(defaultValue = "false") boolean personalData, Locale locale, Model model,
            RedirectAttributes redirect) {
        TicketExports.Request request = new TicketExports.Request(games, from, to, statuses, type, channel,
                personalData);
        try {
            exports.start(reader, request, locale);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", request);
            model.addAttribute("problems", texts.fieldTexts(invalid, "insight.export.field.", locale));
            return page(reader, locale, model);
        }
        redirect.addFlashAttribute("notice", "insight.exports.started");
        return "redirect:/console/insight/exports";
    }

    @GetMapping(path = "/console/insight/exports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ExportStatus status(@AuthenticationPrincipal StaffUser reader, @PathVariable UUID id, Locale locale) {
        ExportJob job = exports.get(reader, id);
        return ExportStatus.of(job, names(games.all(job.games())), messages, locale);
    }

    @GetMapping("/console/insight/exports/{id}/file")
    ResponseEntity<Resource> download(@AuthenticationPrincipal StaffUser reader, @PathVariable UUID id) {
        TicketExports.Download file = exports.download(reader, id);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ExportFormat.CSV.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(file.fileName()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (file.size() >= 0) {
            answer.contentLength(file.size());
        }
        return answer.body(file.content());
    }

    @ExceptionHandler({NotFoundException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return ExportErrors.page(HttpStatus.NOT_FOUND, null);
    }

    private static Map<UUID, String> names(List<GameInfo> games) {
        Map<UUID, String> names = new HashMap<>();
        games.forEach(game -> names.put(game.id(), game.name()));
        return names;
    }
}
