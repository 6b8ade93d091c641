package org.jumpdesk.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * A UUID column that may be null, as PostgreSQL's driver reads and writes it. EclipseLink 4.0.9's own UUID
 * converter calls {@code toString()} on the value it reads and fails on null (eclipse-ee4j/eclipselink
 * #2768, fixed after 4.0.9); a JPA converter named on the attribute replaces it. Not auto-applied: ids are
 * never null, and the JPA specification forbids converters on them.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
