package org.playerdesk.telephony.internal;

import java.time.Clock;
import java.util.Optional;

import org.playerdesk.access.ServerEndpoints;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CTI webhook ({@code POST /cti/{game}/events}, docs/phone.md): a telephony system reports a
 * call offered, answered or ended, signed as PlayerDesk signs its calls to a game's connector
 * ({@link SignedRequests}) with the game's CTI secret. A request without a signature, with a wrong
 * one or with a timestamp too far from our clock is refused before its body is read; one signed
 * the same way as one already acted on (a replay) is refused before anything changes. The
 * signature is recorded in the transaction that acts on the report, so a report refused for its
 * content (a problem detail) does not use up its signature: sent again once fixed, it is taken.
 */
@RestController
class CtiController {

    static final int BODY_MAX = 16 * 1024;

    private final GameCatalog games;
    private final CtiSettings settings;
    private final CtiIntake intake;
    private final ProblemResponses problems;
    private final JsonMapper json;
    private final Clock clock;

    CtiController(GameCatalog games, CtiSettings settings, CtiIntake intake, ProblemResponses problems,
            JsonMapper json, Clock clock) {
        this.games = games;
        this.settings = settings;
        this.intake = intake;
        this.problems = problems;
        this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.clock = clock;
    }

    @PostMapping(path = "/cti/{game}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> event(@PathVariable String game, @RequestBody(required = false) byte[] body,
            HttpServletRequest request) {
        Optional<GameInfo> known = games.byCode(game).filter(g -> games.active(g.id()));
        if (known.isEmpty()) {
            return refused(request, HttpStatus.NOT_FOUND, "unknown-game", "phone.cti.unknownGame");
        }
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > BODY_MAX) {
            throw new PayloadTooLarge("invalid.phone.body.tooLarge", BODY_MAX);
        }
        String timestamp = request.getHeader(SignedRequests.TIMESTAMP);
        String signature = request.getHeader(SignedRequests.SIGNATURE);
        if (timestamp == null || signature == null) {
            return refused(request, HttpStatus.UNAUTHORIZED, "unsigned", "phone.cti.unsigned");
        }
        Optional<String> secret = settings.secret(known.get().id());
        if (secret.isEmpty()) {
            return refused(request, HttpStatus.UNAUTHORIZED, "not-set-up", "phone.cti.noSecret");
        }
        if (stale(timestamp)) {
            return refused(request, HttpStatus.UNAUTHORIZED, "stale", "phone.cti.stale");
        }
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!SignedRequests.verify(secret.get(), request.getMethod(), path, timestamp, content, signature,
                clock.instant())) {
            return refused(request, HttpStatus.UNAUTHORIZED, "bad-signature", "phone.cti.badSignature");
        }
        CtiEvent report;
        try {
            report = json.readValue(content, CtiEvent.class);
        } catch (JacksonException e) {
            throw InvalidInput.of("body", "invalid.phone.body");
        }
        if (report == null) {
            throw InvalidInput.of("body", "invalid.phone.body");
        }
        try {
            return ResponseEntity.ok(intake.receive(known.get(), report, signature));
        } catch (CtiIntake.Replayed replayed) {
            return refused(request, HttpStatus.UNAUTHORIZED, "replayed", "phone.cti.replayed");
        }
    }

    private boolean stale(String timestamp) {
        try {
            long seconds = Long.parseLong(timestamp);
            return Math.abs(clock.instant().getEpochSecond() - seconds) > SignedRequests.TOLERANCE.toSeconds();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private ResponseEntity<ProblemDetail> refused(HttpServletRequest request, HttpStatus status, String type,
            String key) {
        ProblemDetail problem = problems.problem(request, status, "cti-" + type,
                status.getReasonPhrase(), key);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The CTI events: signed by the telephony system, verified here. */
    @Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        ServerEndpoints ctiEndpoints() {
            return ServerEndpoints.of("/cti/**");
        }
    }
}
