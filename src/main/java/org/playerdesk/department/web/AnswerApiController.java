package org.playerdesk.department.web;


import org.playerdesk.department.RequestView;
import org.playerdesk.department.Transfers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one-time answer URL a webhook department's system posts its answer to:
 * {@code POST /department-answers/{token}} with {@code {"answer": "...", "answeredBy": "..."}}.
 * The token in the path is the credential; it answers one question once (then 409), an unknown
 * token is 404, a blank or too long answer 400 with the field named.
 */
@RestController
class AnswerApiController {

    private final Transfers transfers;

    AnswerApiController(Transfers transfers) {
        this.transfers = transfers;
    }

    record Answer(String answer, String answeredBy) {
    }

    record Answered(String requestId, String state, boolean late) {
    }

    @PostMapping(path = "/department-answers/{token}", consumes = "application/json", produces = "application/json")
    Answered answer(@PathVariable String token, @RequestBody Answer body) {
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
