package org.playerdesk.access.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.playerdesk.StoppedClock;
import org.playerdesk.TestWorkspace;
import org.playerdesk.access.ApiKeys;
import org.playerdesk.access.IssuedApiKey;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the server answers by default: the metrics to the same machine only, the console's policy
 * headers, no demo page outside demo mode, no whole key shown.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ TestWorkspace.class, StoppedClock.AsTheClock.class })
class SecurityDefaultsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    ApiKeys keys;

    @Test
    void theChatDemoPageIsServedInDemoModeOnly() throws Exception {
        mvc.perform(get("/chat/demo")).andExpect(status().isNotFound());
    }

    @Test
    void theConsoleShowsAPrefixOfALongKeyOnlyNeverAWholeShortKey() {
        GameInfo game = workspace.game();
        String shortKey = "key-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        IssuedApiKey chosen = keys.register(game.id(), "chosen", shortKey, "admin");
        assertThat(chosen.prefix()).isEmpty();
        IssuedApiKey generated = keys.create(game.id(), "generated", "admin");
        assertThat(generated.prefix()).hasSize(8).startsWith("pdk_");
        assertThat(keys.ofGame(game.id())).extracting(IssuedApiKey::prefix)
                .allSatisfy(prefix -> assertThat(shortKey).doesNotStartWith(prefix.isEmpty() ? "-" : prefix));
    }

    @Test
    void theMetricsAreRefusedToAnyoneButTheSameMachine() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(r -> {
            r.setRemoteAddr("203.0.113.9");
            return r;
        })).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(r -> {
            r.setRemoteAddr("127.0.0.1");
            return r;
        })).andExpect(status().isOk());
    }

    @Test
    void theConsoleSendsNoReferrerAcrossSitesAndUsesNoDevices() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Permissions-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("camera=()"),
                        org.hamcrest.Matchers.containsString("microphone=()"),
                        org.hamcrest.Matchers.containsString("geolocation=()"))));
    }
}
