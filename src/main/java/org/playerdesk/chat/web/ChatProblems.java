package org.playerdesk.chat.web;

import java.net.URI;

import org.playerdesk.chat.ChatRefused;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.ProblemDetailsAdvice;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused identity, token or action of the chat: 403 with the code the widget translates; an
 * action the chat's state refuses (no free seat, already taken): 409 with its code, and its words in
 * the reader's language as the detail; a conflict with a concurrent change that outlasted its
 * retries: 409 "changed meanwhile".
 */
@RestControllerAdvice(assignableTypes = { PlayerChatController.class, ConsoleChatController.class })
class ChatProblems {

    private final ErrorTexts texts;

    ChatProblems(ErrorTexts texts) {
        this.texts = texts;
    }

    @ExceptionHandler(ChatRefused.class)
    ResponseEntity<ProblemDetail> refused(ChatRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                texts.message("error." + e.code(), ProblemDetailsAdvice.locale(), e.arguments().toArray()));
        problem.setType(URI.create("https://playerdesk.org/problems/" + e.code().replace('.', '-')));
        problem.setTitle("Refused");
        problem.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    /** The chat or its ticket changed at the same moment, more often than the action was tried again. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ResponseEntity<ProblemDetail> changedMeanwhile(ConcurrencyFailureException e) {
        return ProblemDetailsAdvice.changedMeanwhile(texts, ProblemDetailsAdvice.locale());
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                texts.text(e, ProblemDetailsAdvice.locale()));
        problem.setType(URI.create("https://playerdesk.org/problems/" + e.code().replace('.', '-')));
        problem.setTitle("Refused");
        problem.setProperty("code", e.code());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }
}
