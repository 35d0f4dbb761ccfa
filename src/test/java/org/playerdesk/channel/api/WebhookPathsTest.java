package org.playerdesk.channel.api;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.playerdesk.TestWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The webhooks other systems call (a telephony system, a mail provider, a social platform, an SMS
 * gateway) answer a path or a method they do not have with problem details, as the game API does,
 * never with the console's error page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestWorkspace.class)
class WebhookPathsTest {

    @Autowired
    MockMvc mvc;

    @ParameterizedTest
    @ValueSource(strings = { "/cti/demo/nothing", "/mail/inbound/nothing/here", "/social/hooks/nothing",
            "/outreach/sms/nothing" })
    void anUnknownPathIsAProblemDocument(String path) throws Exception {
        mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/cti/demo/events", "/outreach/sms/receipts" })
    void aMethodThePathDoesNotHaveIsAProblemDocument(String path) throws Exception {
        mvc.perform(get(path))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
