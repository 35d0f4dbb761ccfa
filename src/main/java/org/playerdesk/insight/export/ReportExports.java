package org.playerdesk.insight.export;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.playerdesk.access.StaffUser;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Any report of the insight pages as a file: {@code /console/insight/export/<report>.csv} or
 * {@code .xlsx}, for the reader's games ({@code games}, all they serve when none is named) and
 * the days {@code from} to {@code to}; any other parameter is the report's own choice (a breakdown's
 * {@code by}). The report is found by its name among the
 * {@link ReportSource} beans, so a new report can be downloaded without a line here. The figures
 * are read before the first byte is sent: a refusal is an error page, never half a file.
 */
@Controller
class ReportExports {

    private final List<ReportSource> reports;
    private final ReaderGames games;
    private final ErrorTexts texts;

    ReportExports(List<ReportSource> reports, ReaderGames games, ErrorTexts texts) {
        this.reports = reports;
        this.games = games;
        this.texts = texts;
    }

    @GetMapping("/console/insight/export/{report:[a-z][a-z0-9-]{0,39}}.{extension:csv|xlsx}")
    void export(@PathVariable String report, @PathVariable String extension,
            @RequestParam(required = false) List<String> games, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam Map<String, String> parameters,
            @AuthenticationPrincipal StaffUser reader, Locale locale, HttpServletResponse response) throws IOException {
        ReportSource source = reports.stream().filter(r -> r.name().equals(report)).findFirst()
                .orElseThrow(() -> new NotFoundException("report", report));
        ExportFormat format = ExportFormat.of(extension);
        ExportPeriod period = ExportPeriod.parse(from, to);
        ReportRequest request = new ReportRequest(reader, this.games.chosen(reader, games), period.from(),
                period.to(), options(parameters));
        Table table = source.table(request, locale);
        String fileName = report + "-" + period.from() + "-" + period.to() + "." + format.extension();
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(fileName));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        // written straight to the answer as it is made, never whole in memory
        format.write(table, response.getOutputStream());
        response.flushBuffer();
    }

    /** The report's own choices (a breakdown's {@code by}): every parameter but the games and the days. */
    private static Map<String, String> options(Map<String, String> parameters) {
        Map<String, String> options = new java.util.HashMap<>(parameters);
        options.keySet().removeAll(java.util.Set.of("games", "from", "to", "lang", "_csrf"));
        return options;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return ExportErrors.page(HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(InvalidInput.class)
    ModelAndView refused(InvalidInput invalid, Locale locale) {
        return ExportErrors.page(HttpStatus.BAD_REQUEST, texts.summary(invalid, "insight.export.field.", locale));
    }
}
