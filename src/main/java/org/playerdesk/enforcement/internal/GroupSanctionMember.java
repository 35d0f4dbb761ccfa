package org.playerdesk.enforcement.internal;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.playerdesk.system.entity.StoredEntity;

/** One account of a group sanction: its own violation, and the ban it led to. */
@Entity
@Table(name = "group_sanction_member")
public class GroupSanctionMember extends StoredEntity {

    private int position;
    private String accountId;
    private UUID violationId;
    private UUID actionId;

    protected GroupSanctionMember() {
    }

    GroupSanctionMember(int position, String accountId, UUID violationId, UUID actionId) {
        this.position = position;
        this.accountId = accountId;
        this.violationId = violationId;
        this.actionId = actionId;
    }

    int position() {
        return position;
    }

    String accountId() {
        return accountId;
    }

    UUID violationId() {
        return violationId;
    }

    UUID actionId() {
        return actionId;
    }
}
