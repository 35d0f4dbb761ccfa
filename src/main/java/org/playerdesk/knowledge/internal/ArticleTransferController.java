package org.playerdesk.knowledge.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/** Administrators export a game's articles (zip of Markdown, or CSV) and import them back, with a dry run first. */
@Controller
class ArticleTransferController {

    private final ServedGames served;
    private final ArticleTransfer transfer;
    private final Clock clock;
    private final ErrorTexts errorTexts;

    ArticleTransferController(ServedGames served, ArticleTransfer transfer, Clock clock, ErrorTexts errorTexts) {
        this.errorTexts = errorTexts;
        this.served = served;
        this.transfer = transfer;
        this.clock = clock;
    }

    @GetMapping("/console/knowledge/transfer")
    String page(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo info = served.chosen(game, me);
        ServedGames.adminOnly(me);
        model.addAttribute("game", info);
        return "knowledge/transfer";
    }

    @GetMapping("/console/knowledge/export.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me) {
        GameInfo info = served.chosen(game, me);
        ServedGames.adminOnly(me);
        return download(transfer.csv(info.id()), name(info, "csv"), new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/console/knowledge/export.zip")
    ResponseEntity<byte[]> zip(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me) {
        GameInfo info = served.chosen(game, me);
        ServedGames.adminOnly(me);
        return download(transfer.zip(info.id()), name(info, "zip"), MediaType.parseMediaType("application/zip"));
    }

    @PostMapping("/console/knowledge/import")
    String importFile(@RequestParam(required = false) String game, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String dryRun, @AuthenticationPrincipal StaffUser me, Model model,
            HttpServletResponse response, Locale locale) throws IOException {
        GameInfo info = served.chosen(game, me);
        ServedGames.adminOnly(me);
        model.addAttribute("game", info);
        boolean dry = dryRun != null && !dryRun.isBlank() && !"false".equals(dryRun);
        try {
            ArticleTransfer.Report report = transfer.importArticles(info.id(),
                    file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes(), dry,
                    me.displayName());
            model.addAttribute("report", report);
            model.addAttribute("dryRun", dry);
            if (report.hasErrors()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("fileError", errorTexts.summary(e, locale));
        }
        return "knowledge/transfer";
    }

    private String name(GameInfo game, String extension) {
        return "articles-" + game.code() + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] content, String fileName, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .body(content);
    }

}
