package org.playerdesk;

import java.util.Optional;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

@SpringBootApplication
public class PlayerDeskApplication {

    public static void main(String[] args) {
        Optional<Integer> exit = CachedStart.runFromCache(args);
        if (exit.isPresent()) {
            System.exit(exit.get());
        }
        ConfigurableApplicationContext context = SpringApplication.run(PlayerDeskApplication.class, args);
        if (CachedStart.training()) {
            // the build's training start ends once the node is ready (its start-up work done): the
            // JVM writes the AOT cache of what it loaded as it exits
            System.exit(SpringApplication.exit(context));
        }
    }
}
