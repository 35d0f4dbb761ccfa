package org.playerdesk.access.internal;

import org.playerdesk.access.StaffRole;
import org.playerdesk.system.entity.CodedConverter;

import jakarta.persistence.Converter;

@Converter
class StaffRoleConverter extends CodedConverter<StaffRole> {

    StaffRoleConverter() {
        super(StaffRole.class);
    }
}
