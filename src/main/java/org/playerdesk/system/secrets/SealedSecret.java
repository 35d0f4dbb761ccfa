package org.playerdesk.system.secrets;

import org.springframework.stereotype.Component;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The converter of an entity's secret column: sealed on every write (a plain value from before is
 * sealed the next time its entity is saved), opened on read. Hibernate takes it from Spring.
 */
@Converter
@Component
public class SealedSecret implements AttributeConverter<String, String> {

    private final Secrets secrets;

    SealedSecret(Secrets secrets) {
        this.secrets = secrets;
    }

    @Override
    public String convertToDatabaseColumn(String secret) {
        return secrets.seal(secret);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return secrets.open(stored);
    }
}
