package org.playerdesk.game.internal;

import jakarta.persistence.Converter;

import org.playerdesk.game.ConnectorKind;
import org.playerdesk.system.entity.CodedConverter;

@Converter
class ConnectorKindConverter extends CodedConverter<ConnectorKind> {

    ConnectorKindConverter() {
        super(ConnectorKind.class);
    }
}
