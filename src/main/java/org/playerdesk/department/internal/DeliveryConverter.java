package org.playerdesk.department.internal;

import jakarta.persistence.Converter;

import org.playerdesk.department.Delivery;
import org.playerdesk.system.entity.CodedConverter;

@Converter
class DeliveryConverter extends CodedConverter<Delivery> {
    DeliveryConverter() {
        super(Delivery.class);
    }
}
