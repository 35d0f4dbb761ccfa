package org.playerdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Health means ready: while the node seeds its demo workspace, {@code /actuator/health} and its
 * readiness group answer 503 OUT_OF_SERVICE (the web server already listens), and when readiness
 * turns to accepting traffic, the game API already knows {@code demo-key}. A database of its own,
 * so that this start seeds the demo rather than finding one an earlier context seeded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "playerdesk.demo=true",
        "spring.datasource.url=jdbc:h2:mem:readiness;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class ReadinessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    StartObserver observed;
    @Autowired
    WebServerApplicationContext context;

    @Test
    void healthAnswersOutOfServiceWhileTheDemoIsSeededAndUpOnlyOnceItsKeyWorks() throws Exception {
        assertThat(observed.healthWhileSeeding.statusCode()).isEqualTo(503);
        assertThat(observed.healthWhileSeeding.body()).contains("OUT_OF_SERVICE");
        assertThat(observed.readinessWhileSeeding.statusCode()).isEqualTo(503);
        assertThat(observed.livenessWhileSeeding.statusCode()).isEqualTo(200);

        assertThat(observed.apiWhenReady).as("the game API with demo-key when readiness turned to accepting traffic")
                .isNotNull();
        assertThat(observed.apiWhenReady.statusCode()).isEqualTo(200);

        int port = context.getWebServer().getPort();
        for (String path : new String[] { "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" }) {
            HttpResponse<String> now = get(port, path, null);
            assertThat(now.statusCode()).as(path).isEqualTo(200);
            assertThat(now.body()).as(path).contains("\"UP\"");
        }
    }

    /** What a load balancer and a game server would have seen during the start. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StartObserver {

        volatile HttpResponse<String> healthWhileSeeding;
        volatile HttpResponse<String> readinessWhileSeeding;
        volatile HttpResponse<String> livenessWhileSeeding;
        volatile HttpResponse<String> apiWhenReady;

        /** After the demo's runners (orders 0 to 70): the web server listens, the start is not over. */
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        ApplicationRunner askHealthWhileStarting(WebServerApplicationContext context) {
            return arguments -> {
                int port = context.getWebServer().getPort();
                healthWhileSeeding = get(port, "/actuator/health", null);
                readinessWhileSeeding = get(port, "/actuator/health/readiness", null);
                livenessWhileSeeding = get(port, "/actuator/health/liveness", null);
            };
        }

        @EventListener
        void callTheApiWhenReady(AvailabilityChangeEvent<ReadinessState> readiness) throws Exception {
            if (readiness.getState() == ReadinessState.ACCEPTING_TRAFFIC && apiWhenReady == null) {
                int port = ((WebServerApplicationContext) readiness.getSource()).getWebServer().getPort();
                apiWhenReady = get(port, "/api/v1/players/10001/tickets", DemoWorkspace.API_KEY);
            }
        }
    }

    static HttpResponse<String> get(int port, String path, String apiKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
