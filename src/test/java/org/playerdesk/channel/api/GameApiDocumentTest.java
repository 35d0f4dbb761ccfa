package org.playerdesk.channel.api;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI document describes the whole game API, so that integrators can generate clients. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class) // the same application context as the other API tests
class GameApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Test
    void describesEveryOperationItsSchemasErrorsAndTheApiKey() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/tickets'].post.operationId").value("openTicket"))
                .andExpect(jsonPath("$.paths['/api/v1/tickets/{id}'].get.operationId").value("getTicket"))
                .andExpect(jsonPath("$.paths['/api/v1/tickets/{id}/messages'].post.operationId").value("followUp"))
                .andExpect(jsonPath("$.paths['/api/v1/players/{accountId}/tickets'].get.operationId")
                        .value("playerTickets"))
                .andExpect(jsonPath("$.components.securitySchemes.gameApiKey.type").value("http"))
                .andExpect(jsonPath("$.components.securitySchemes.gameApiKey.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/v1/tickets'].post.security[0].gameApiKey").isArray())
                .andExpect(jsonPath("$.paths['/api/v1/tickets'].post.parameters[*].name", hasItem("Idempotency-Key")))
                .andExpect(jsonPath("$.paths['/api/v1/tickets'].post.responses['422'].content['application/problem+json']")
                        .exists())
                .andExpect(jsonPath("$.components.schemas.NewTicket.properties.type.enum",
                        hasItems("bug", "ban_appeal", "payment")))
                .andExpect(jsonPath("$.components.schemas.NewTicket.properties.unknown").doesNotExist())
                .andExpect(jsonPath("$.components.schemas.Ticket.properties.status.enum", hasItems("new", "closed")))
                .andExpect(jsonPath("$.components.schemas.Problem.properties.errors").exists());
    }

    @Test
    void theBrowsableDocumentationOpensWithoutSigningIn() throws Exception {
        String ui = mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(ui))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML));
    }
}
