package org.playerdesk.department.internal;

import jakarta.persistence.Converter;

import org.playerdesk.department.RequestState;
import org.playerdesk.system.entity.CodedConverter;

@Converter
class RequestStateConverter extends CodedConverter<RequestState> {
    RequestStateConverter() {
        super(RequestState.class);
    }
}
