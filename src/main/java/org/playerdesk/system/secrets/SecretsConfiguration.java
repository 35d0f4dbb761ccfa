package org.playerdesk.system.secrets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.playerdesk.system.PlayerDeskProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys: those of {@code playerdesk.secrets.keys}; with none configured (the embedded defaults),
 * one made on first start and kept in {@code <data-dir>/secrets.key}, beside the embedded database and
 * the local files, so that the first start needs no setting. The log says where the key is, never the key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

    static final String KEY_FILE = "secrets.key";
    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    Secrets secrets(SecretsProperties properties, PlayerDeskProperties playerdesk) {
        return keys(properties, playerdesk.dataDir());
    }

    static Secrets keys(SecretsProperties properties, Path dataDir) {
        if (!properties.keys().isEmpty()) {
            String active = properties.activeKey();
            if (active == null && properties.keys().size() == 1) {
                active = properties.keys().keySet().iterator().next();
            }
            return new Secrets(properties.keys(), active);
        }
        Path file = dataDir.resolve(KEY_FILE).toAbsolutePath().normalize();
        if (Files.exists(file)) {
            Properties stored = read(file);
            Map<String, String> keys = new LinkedHashMap<>();
            stored.stringPropertyNames().stream().filter(name -> name.startsWith("key."))
                    .forEach(name -> keys.put(name.substring(4), stored.getProperty(name)));
            try {
                Secrets secrets = new Secrets(keys, stored.getProperty("active"));
                log.info("Secrets at rest are sealed with the key kept in {} (playerdesk.secrets.keys is not set)", file);
                return secrets;
            } catch (IllegalStateException e) {
                throw new IllegalStateException(file + " does not hold a usable key: " + e.getMessage(), e);
            }
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String id = "local1";
        Properties made = new Properties();
        made.setProperty("active", id);
        made.setProperty("key." + id, Base64.getEncoder().encodeToString(key));
        write(file, made);
        log.warn("playerdesk.secrets.keys is not set: made a key for the secrets at rest and kept it in {}. "
                + "Back it up with the data folder; without it stored secrets cannot be read. "
                + "With several nodes or a database of its own, set playerdesk.secrets.keys instead "
                + "(docs/configuration.md)", file);
        return new Secrets(Map.of(id, made.getProperty("key." + id)), id);
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secrets key " + file, e);
        }
        return properties;
    }

    private static void write(Path file, Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(KEY_FILE + ".new");
            Files.deleteIfExists(temporary);
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(temporary);
            }
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.ISO_8859_1)) {
                properties.store(writer, "PlayerDesk: the key of the secrets at rest. Keep it with backups of the data.");
            }
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secrets key " + file, e);
        }
    }
}
