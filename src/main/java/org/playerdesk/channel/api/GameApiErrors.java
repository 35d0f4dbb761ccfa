package org.playerdesk.channel.api;

import java.util.List;
import java.util.UUID;

import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.ProblemDetailsAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The game API's own problems, for its tickets and its players' data requests: a path or query
 * value of the wrong type (an id that is not a UUID, a page that is not a number) as a bad field,
 * and an Idempotency-Key used before for another request (422).
 */
@RestControllerAdvice(assignableTypes = { GameApiController.class, PrivacyApiController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class GameApiErrors {

    private final ProblemDetailsAdvice problems;

    GameApiErrors(ProblemDetailsAdvice problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == UUID.class ? "invalid.uuid" : "invalid.wholeNumber";
        return ResponseEntity.badRequest().body(problems.invalid(
                List.of(new InvalidInput.FieldError(e.getName(), expected)), ProblemDetailsAdvice.locale()));
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReused e) {
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(ProblemDetailsAdvice.problem(HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused", "Idempotency-Key reused", problems.detail("problem.idempotencyKeyReused")));
    }
}
