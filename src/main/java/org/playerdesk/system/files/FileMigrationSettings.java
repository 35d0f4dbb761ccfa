package org.playerdesk.system.files;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A run of the migration command takes no requests: its web server listens on a free port of
 * 127.0.0.1 only, so that it can run beside a node on the same machine.
 */
class FileMigrationSettings implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String migrate = environment.getProperty("playerdesk.files.migrate");
        if (migrate != null && !migrate.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("playerdesk-files-migration",
                    Map.of("server.port", "0", "server.address", "127.0.0.1")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
