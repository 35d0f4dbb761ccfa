package org.playerdesk.system.files;

import java.time.Clock;

import org.playerdesk.system.PlayerDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one file store of the application, of the kind {@code playerdesk.files.store} names, and
 * while files are moved, the store they come from ({@code playerdesk.files.moving-from}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FilesProperties.class)
class FilesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FilesConfiguration.class);

    @Bean
    FileBackends fileBackends(PlayerDeskProperties properties, FilesProperties files,
            ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<PlatformTransactionManager> transactions, Clock clock) {
        return new FileBackends(properties, files, jdbc, transactions, clock);
    }

    @Bean
    ConfiguredStores fileStores(FileBackends backends, FilesProperties files) {
        FileStores stores = backends.of(files.store());
        if (files.movingFrom() != null && files.movingFrom() != files.store()) {
            stores = new MovingFiles(stores, backends.of(files.movingFrom()));
        }
        log.info("Files: kept in {}", stores);
        return new ConfiguredStores(stores);
    }
}
