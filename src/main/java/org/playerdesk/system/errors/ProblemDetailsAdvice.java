package org.playerdesk.system.errors;

import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.files.FilesUnavailable;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.validation.InputValidation;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where errors of the JSON API become RFC 9457 problem details. Bad input names
 * each bad field under {@code errors} by its machine name, with what is wrong in the caller's
 * language ({@code Accept-Language}, see {@link ErrorTexts}); so is the {@code detail} of bad input
 * and of a refused rule. Nothing here ever answers 500 for something the caller sent.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final String TYPES = "https://playerdesk.org/problems/";

    private final PlayerDeskProperties properties;
    private final ErrorTexts texts;

    ProblemDetailsAdvice(PlayerDeskProperties properties, ErrorTexts texts) {
        this.properties = properties;
        this.texts = texts;
    }

    /** One bad field of a problem's {@code errors}: its machine name and what is wrong, in words. */
    public record FieldProblem(String field, String message) {
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        return problem;
    }

    /** The problem type of a status without a more precise one: its reason phrase, e.g. bad-request. */
    static String typeOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error-" + status.value()
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '-');
    }

    /**
     * The caller's language, as the locale resolver chose it: for a game server the first of
     * {@code Accept-Language} that PlayerDesk speaks; for the console's own JSON calls the
     * language the member of staff reads the console in.
     */
    public static Locale locale() {
        return Locales.supported(LocaleContextHolder.getLocale().toLanguageTag());
    }

    /** A problem's detail from the bundles ({@code problem.*}), in the caller's language. */
    public String detail(String key, Object... arguments) {
        return texts.message(key, locale(), arguments);
    }

    public ProblemDetail invalid(List<InvalidInput.FieldError> errors, Locale locale) {
        List<FieldProblem> problems = errors.stream()
                .map(e -> new FieldProblem(e.field(), texts.text(e, locale)))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                problems.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", problems);
        return problem;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput e) {
        return ResponseEntity.badRequest().body(invalid(e.errors(), locale()));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", texts.message("problem.notFound", locale())));
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, e.code().replace('.', '-'), "Refused",
                texts.text(e, locale()));
        problem.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * The database is down or unreachable: 503 with Retry-After, so that game servers retry
     * later instead of treating the request as refused. Other data access failures are bugs and
     * stay 500.
     */
    @ExceptionHandler({ DataAccessException.class, TransactionException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        if (DatabaseUnavailable.conflict(e)) {
            // someone else (an agent, an automatic rule) changed the same record at the same moment
            return changedMeanwhile(texts, locale());
        }
        if (!DatabaseUnavailable.causedBy(e)) {
            throw e;
        }
        log.warn("API request not served, the database is unavailable: {}", DatabaseUnavailable.rootMessage(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfterHeader(properties.retryAfter()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TYPE, DatabaseUnavailable.TITLE,
                        texts.message(DatabaseUnavailable.DETAIL, locale(),
                                DatabaseUnavailable.retryAfterHeader(properties.retryAfter()))));
    }

    /** 409 "changed meanwhile", with its code: nothing was stored, and the request may be sent again. */
    public static ResponseEntity<ProblemDetail> changedMeanwhile(ErrorTexts texts, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, DatabaseUnavailable.CONFLICT_TYPE,
                DatabaseUnavailable.CONFLICT_TITLE, texts.message(DatabaseUnavailable.CONFLICT_DETAIL, locale));
        problem.setProperty("code", DatabaseUnavailable.CONFLICT_TYPE);
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /**
     * The file store cannot be reached: 503 with Retry-After, like the database; nothing of the
     * request was stored.
     */
    @ExceptionHandler(FilesUnavailable.class)
    ResponseEntity<ProblemDetail> filesUnavailable(FilesUnavailable e) {
        log.warn("API request not served, the file store is unavailable: {}", DatabaseUnavailable.rootMessage(e));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.retryAfterHeader(properties.retryAfter()))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "files-unavailable", "Service unavailable",
                        texts.message(FilesUnavailable.KEY, locale())));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(InputValidation.errors(e.getBindingResult()), locale()));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = null;
        String message = "invalid.body.json";
        if (e.getCause() instanceof JacksonException jackson) {
            String path = jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            // a parser limit is about the whole body, even when it is hit inside some field
            if (jackson instanceof StreamConstraintsException) {
                message = jackson.getOriginalMessage() != null && jackson.getOriginalMessage().contains("nesting depth")
                        ? "invalid.body.deep" : "invalid.body.limit";
            } else if (!path.isEmpty()) {
                field = path;
                message = "invalid.format";
            } else if (jackson instanceof MismatchedInputException) {
                message = "invalid.body.shape";
            }
        } else if (e.getCause() == null) {
            message = "invalid.body.missing";
        }
        Locale locale = locale();
        ProblemDetail problem = field == null
                ? problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body", texts.message(message, locale))
                : invalid(List.of(new InvalidInput.FieldError(field, message)), locale);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large",
                        texts.message("problem.tooLarge", locale())));
    }

    @ExceptionHandler(PayloadTooLarge.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLarge e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large",
                        texts.message(e.key(), locale(), e.arguments().toArray())));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("API request failed", e);
        }
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, statusCode, request);
        // Spring's own problems (a path variable missing, a parameter it could not convert) come
        // with the type about:blank, left out of the JSON; every problem of the API names its type
        if (answer != null && answer.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPES + typeOf(statusCode)));
        }
        return answer;
    }
}
