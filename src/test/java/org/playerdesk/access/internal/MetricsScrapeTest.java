package org.playerdesk.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Who may scrape the metrics, by token, by network, or from the same machine only. */
class MetricsScrapeTest {

    static boolean admits(MetricsScrape scrape, String from, String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr(from);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return scrape.authorize(() -> null, new RequestAuthorizationContext(request)).isGranted();
    }

    @Test
    void withNothingSetOnlyTheSameMachineMayScrape() {
        MetricsScrape scrape = new MetricsScrape(new MetricsScrape.Settings(null, null));
        assertThat(admits(scrape, "127.0.0.1", null)).isTrue();
        assertThat(admits(scrape, "0:0:0:0:0:0:0:1", null)).isTrue();
        assertThat(admits(scrape, "203.0.113.9", null)).isFalse();
        assertThat(admits(scrape, "10.0.0.3", "Bearer anything")).isFalse();
    }

    @Test
    void aTokenOrAnAllowedNetworkAdmitsAScraper() {
        MetricsScrape scrape = new MetricsScrape(new MetricsScrape.Settings("scrape-token-0123456789",
                List.of("10.8.0.0/16")));
        assertThat(admits(scrape, "203.0.113.9", "Bearer scrape-token-0123456789")).isTrue();
        assertThat(admits(scrape, "203.0.113.9", "Bearer scrape-token-012345678")).isFalse();
        assertThat(admits(scrape, "203.0.113.9", null)).isFalse();
        assertThat(admits(scrape, "10.8.4.2", null)).isTrue();
        assertThat(admits(scrape, "10.9.4.2", null)).isFalse();
        assertThat(admits(scrape, "127.0.0.1", null)).as("loopback is not implied once a rule is set").isFalse();
    }
}
