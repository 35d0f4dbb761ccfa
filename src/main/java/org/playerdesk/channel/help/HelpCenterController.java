package org.playerdesk.channel.help;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.assist.BotAnswers;
import org.playerdesk.game.GameInfo;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.survey.Surveys;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.files.FilesUnavailable;
import org.playerdesk.ticket.AttachmentDownload;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.StoredAttachment;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.Upload;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The players' help center of one game: the home page with the ticket form, and the private
 * link of each ticket. Never logs a private link: it is the player's only key.
 */
@Controller
@RequestMapping("/help/{game}")
class HelpCenterController {

    /** Field of the desk → field of the submit form. */
    static final Map<String, String> TICKET_FORM = Map.of(
            "player", "accountId",
            "player.accountId", "accountId",
            "player.nickname", "nickname",
            "player.server", "server",
            "type", "type",
            "subject", "subject",
            "message", "description",
            "contactEmail", "email",
            "files", "files");

    /** Field of the desk → field of the reply form. */
    static final Map<String, String> REPLY_FORM = Map.of("message", "message", "files", "files");

    /** Where an error goes that belongs to no field of the form. */
    static final String GENERAL = "form";

    private final HelpCenter help;
    private final MessageSource messages;
    private final ErrorTexts errorTexts;
    private final PlayerDeskProperties properties;
    private final BotAnswers botAnswers;
    private final Surveys surveys;

    HelpCenterController(HelpCenter help, MessageSource messages, ErrorTexts errorTexts,
            PlayerDeskProperties properties, BotAnswers botAnswers, Surveys surveys) {
        this.help = help;
        this.surveys = surveys;
        this.botAnswers = botAnswers;
        this.messages = messages;
        this.errorTexts = errorTexts;
        this.properties = properties;
    }

    @GetMapping
    String home(@PathVariable String game, @RequestParam(name = HelpRequestFilter.UPLOAD_PROBLEM, required = false)
            String uploadProblem, Model model, Locale locale) {
        GameInfo info = help.game(game);
        showHome(model, info, TicketForm.empty(), Map.of(), locale);
        explainUploadProblem(uploadProblem, model, locale);
        return "help/home";
    }

    @PostMapping("/tickets")
    String submit(@PathVariable String game, @ModelAttribute("form") TicketForm form,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        GameInfo info = help.game(game);
        try {
            Opened opened = help.submit(info, form, uploads(files));
            redirect.addFlashAttribute("opened", true);
            return "redirect:" + HelpPaths.ticket(info.code(), opened.followToken());
        } catch (InvalidInput e) {
            return homeWithErrors(model, info, form,
                    describe(e, TICKET_FORM, locale), locale, response);
        } catch (PayloadTooLarge e) {
            return homeWithErrors(model, info, form, tooLarge(locale), locale, response);
        } catch (FilesUnavailable e) {
            // nothing was stored: the player sends the same form again later
            String page = homeWithErrors(model, info, form, filesUnavailable(locale), locale, response);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return page;
        }
    }

    /** The form page shown again after a refusal, for example when the language is switched. */
    @GetMapping("/tickets")
    String submitted(@PathVariable String game) {
        return "redirect:" + HelpPaths.home(help.game(game).code());
    }

    @GetMapping("/t/{token}")
    String ticket(@PathVariable String game, @PathVariable String token,
            @RequestParam(name = HelpRequestFilter.UPLOAD_PROBLEM, required = false) String uploadProblem,
            Model model, Locale locale) {
        FollowedTicket followed = help.follow(game, token);
        showTicket(model, followed, ReplyForm.empty(), Map.of(), locale);
        explainUploadProblem(uploadProblem, model, locale);
        return "help/ticket";
    }

    @PostMapping("/t/{token}/messages")
    String reply(@PathVariable String game, @PathVariable String token, @ModelAttribute("reply") ReplyForm reply,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale,
            HttpServletResponse response, RedirectAttributes redirect) {
        FollowedTicket followed = help.follow(game, token);
        try {
            help.reply(followed, reply.message(), uploads(files));
            redirect.addFlashAttribute("notice", "help.reply.sent");
        } catch (InvalidInput e) {
            return ticketWithErrors(model, followed, reply,
                    describe(e, REPLY_FORM, locale), locale, response);
        } catch (PayloadTooLarge e) {
            return ticketWithErrors(model, followed, reply, tooLarge(locale), locale, response);
        } catch (FilesUnavailable e) {
            String page = ticketWithErrors(model, followed, reply, filesUnavailable(locale), locale, response);
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            return page;
        } catch (RuleViolation e) {
            // the ticket was closed while the player was writing: the page now says so
            redirect.addFlashAttribute("problem", errorTexts.text(e, locale));
        }
        return "redirect:" + followed.path();
    }

    @GetMapping("/t/{token}/messages")
    String replied(@PathVariable String game, @PathVariable String token) {
        return "redirect:" + help.follow(game, token).path();
    }

    @GetMapping("/t/{token}/attachments/{attachment}")
    ResponseEntity<Resource> attachment(@PathVariable String game, @PathVariable String token,
            @PathVariable String attachment) {
        FollowedTicket followed = help.follow(game, token);
        StoredAttachment stored = help.attachment(followed, attachmentId(attachment));
        return AttachmentDownload.of(stored);
    }

    /**
     * Any other address under a help center, for example a private link with something typed
     * after it. Answered here rather than by the static-resource fallback, which would log the
     * address, and with it the link's secret.
     */
    @RequestMapping("/**")
    String elsewhere() {
        throw new NotFoundException("help-center page", "");
    }

    /**
     * One answer for an unknown game, a wrong link and another game's link, so that nobody can
     * learn which links exist. The message of the exception is not shown: it may name ids.
     */
    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletRequest request, HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String code = variables == null ? null : variables.get("game");
        try {
            frame(model, help.game(code), locale);
        } catch (NotFoundException unknownGame) {
            model.addAttribute("helpTitle", text("help.title", locale));
            model.addAttribute("helpHome", "#");
        }
        return "help/not-found";
    }

    private String homeWithErrors(Model model, GameInfo game, TicketForm form, Map<String, String> errors,
            Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        showHome(model, game, form, errors, locale);
        return "help/home";
    }

    private String ticketWithErrors(Model model, FollowedTicket followed, ReplyForm reply, Map<String, String> errors,
            Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        showTicket(model, followed, reply, errors, locale);
        return "help/ticket";
    }

    private void showHome(Model model, GameInfo game, TicketForm form, Map<String, String> errors, Locale locale) {
        frame(model, game, locale);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("types", TicketType.values());
        model.addAttribute("fileLimits", fileLimits(locale));
    }

    private void showTicket(Model model, FollowedTicket followed, ReplyForm reply, Map<String, String> errors,
            Locale locale) {
        frame(model, followed.game(), locale);
        model.addAttribute("ticket", followed.ticket());
        model.addAttribute("botOffer", botAnswers.offerFor(followed.ticket()));
        // the satisfaction survey, once asked (survey module): its form posts to the survey page
        model.addAttribute("survey", surveys.invite(followed.ticket().id(), SurveyChannel.HELP_CENTER, locale)
                .orElse(null));
        model.addAttribute("token", followed.token());
        model.addAttribute("followUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(followed.path()).toUriString());
        model.addAttribute("conversation", help.conversation(followed, ZoneId.systemDefault()));
        model.addAttribute("closed", followed.ticket().status() == TicketStatus.CLOSED);
        model.addAttribute("reply", reply);
        model.addAttribute("errors", errors);
        model.addAttribute("fileLimits", fileLimits(locale));
    }

    /** The help-center header of the layout: the game's name, linking to its help center. */
    private void frame(Model model, GameInfo game, Locale locale) {
        model.addAttribute("game", game);
        model.addAttribute("helpTitle", text("help.center.title", locale, game.name()));
        model.addAttribute("helpHome", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(HelpPaths.home(game.code())).build().getPath());
    }

    private void explainUploadProblem(String uploadProblem, Model model, Locale locale) {
        if (HelpRequestFilter.TOO_LARGE.equals(uploadProblem)) {
            model.addAttribute("problem", tooLarge(locale).get("files"));
        } else if (HelpRequestFilter.UNREADABLE.equals(uploadProblem)) {
            model.addAttribute("problem", text("help.error.unreadable", locale));
        }
    }

    private Map<String, String> tooLarge(Locale locale) {
        return Map.of("files", text("help.error.fileTooLarge", locale, maxFileMegabytes()));
    }

    private Map<String, String> filesUnavailable(Locale locale) {
        return Map.of(GENERAL, text(FilesUnavailable.KEY, locale));
    }

    private String fileLimits(Locale locale) {
        return text("help.files.limits", locale, properties.attachments().maxPerMessage(),
                maxFileMegabytes());
    }

    private long maxFileMegabytes() {
        return properties.attachments().maxSize().toMegabytes();
    }

    /** Files the player really chose; browsers send an empty part for a file input left empty. */
    private static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            String name = file.getOriginalFilename();
            if (file.isEmpty() && (name == null || name.isBlank())) {
                continue;
            }
            try {
                uploads.add(new Upload(name, file.getBytes()));
            } catch (IOException e) {
                throw InvalidInput.of("files", "invalid.unreadable");
            }
        }
        return uploads;
    }

    private static UUID attachmentId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("attachment", "of a private link");
        }
    }

    /**
     * Form field → what is wrong with it, in the player's language; the first problem per field.
     * The desk names fields as its API does ({@code player.accountId}, {@code files[0]}); an error
     * of a field the form does not show goes above the form.
     */
    private Map<String, String> describe(InvalidInput invalid, Map<String, String> fields, Locale locale) {
        Map<String, String> described = new LinkedHashMap<>();
        for (InvalidInput.FieldError error : invalid.errors()) {
            described.putIfAbsent(formField(error.field(), fields), errorTexts.text(error, "help", locale));
        }
        return described;
    }

    static String formField(String field, Map<String, String> fields) {
        String name = field == null ? "" : field.replaceFirst("\\[\\d+]$", "");
        return fields.getOrDefault(name, GENERAL);
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
