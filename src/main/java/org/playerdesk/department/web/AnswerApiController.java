package org.playerdesk.department.web;


import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.playerdesk.department.RequestView;
import org.playerdesk.department.Transfers;
import org.playerdesk.system.InvalidInput;
import org.playerdesk.system.PayloadTooLarge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-time answer URL a webhook department's system posts its answer to:
 * {@code POST /department-answers/{token}} with {@code {"answer": "...", "answeredBy": "..."}}.
 * The token in the path is the credential; it answers one question once (then 409), an unknown
 * token is 404, a blank or too long answer (or a body that is not such JSON) 400 with the field
 * named, a body over 64 KB 413.
 */
@RestController
class AnswerApiController {

    private final Transfers transfers;
    private final JsonMapper json;

    AnswerApiController(Transfers transfers, JsonMapper json) {
        this.transfers = transfers;
        this.json = json;
    }

    record Answer(String answer, String answeredBy) {
    }

    record Answered(String requestId, String state, boolean late) {
    }

    /** An answer is at most 4,000 characters; no honest body comes near this. */
    static final int BODY_MAX = 64 * 1024;

    @PostMapping(path = "/department-answers/{token}", consumes = "application/json", produces = "application/json")
    Answered answer(@PathVariable String token, HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > BODY_MAX) {
            throw new PayloadTooLarge("the body is larger than " + BODY_MAX + " bytes");
        }
        byte[] bytes = request.getInputStream().readNBytes(BODY_MAX + 1);
        if (bytes.length > BODY_MAX) {
            throw new PayloadTooLarge("the body is larger than " + BODY_MAX + " bytes");
        }
        Answer body;
        try {
            body = json.readValue(bytes, Answer.class);
        } catch (JacksonException e) {
            throw InvalidInput.of("answer", "the body must be a JSON object with the field answer");
        }
        if (body == null) {
            throw InvalidInput.of("answer", "must not be blank");
        }
        RequestView answered = transfers.answerByToken(token, body.answer(), body.answeredBy());
        return new Answered(answered.id().toString(), answered.state().code(), answered.overdue()
                || answered.answeredAt().isAfter(answered.dueAt()));
    }

    /** Token-authenticated, no session, no CSRF token: a server-to-server endpoint, only this path. */
    @Configuration(proxyBeanMethods = false)
    static class Security {

        @Bean
        @Order(0)
        SecurityFilterChain departmentAnswers(HttpSecurity http) throws Exception {
            http.securityMatcher("/department-answers/**")
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(c -> c.disable());
            return http.build();
        }
    }

}
