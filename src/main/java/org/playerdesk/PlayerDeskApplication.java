package org.playerdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PlayerDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(PlayerDeskApplication.class, args);
    }
}
