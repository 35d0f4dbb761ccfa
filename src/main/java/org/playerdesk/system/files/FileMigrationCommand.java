package org.playerdesk.system.files;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The migration command: started with {@code --playerdesk.files.migrate=<from>:<to>}, the
 * application copies every file from one store to the other (see {@link FileMigration}), writes
 * its progress to the log, and stops: with exit code 0 when every file is in the new store, 1
 * otherwise (run it again to go on).
 */
@Component
@ConditionalOnProperty("playerdesk.files.migrate")
class FileMigrationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FileMigrationCommand.class);

    private final FileBackends backends;
    private final ConfiguredStores stores;
    private final FilesProperties files;
    private final ConfigurableApplicationContext context;

    FileMigrationCommand(FileBackends backends, ConfiguredStores stores, FilesProperties files,
            ConfigurableApplicationContext context) {
        this.backends = backends;
        this.stores = stores;
        this.files = files;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        int code;
        try {
            List<FileMigration.Outcome> outcomes = new FileMigration(backends, log::info).run(files.migrate(),
                    stores.areasInUse());
            long failed = outcomes.stream().mapToLong(FileMigration.Outcome::failed).sum();
            log.info("Files moved: {}", outcomes.stream().map(o -> o.area() + " " + (o.copied() + o.present()) + " of "
                    + o.total()).toList());
            if (failed > 0) {
                log.error("{} files were not moved; run the same command again to try them again", failed);
            }
            code = failed == 0 ? 0 : 1;
        } catch (RuntimeException e) {
            log.error("The migration stopped: {}. Run the same command again to go on where it stopped.",
                    e.getMessage(), e);
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
