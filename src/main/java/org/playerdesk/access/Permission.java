package org.playerdesk.access;

/** What a role may do. Each is also a Spring Security authority of the same name. */
public enum Permission {
    /** See tickets of the games one is assigned to. */
    VIEW_TICKETS,
    /** Reply, add notes, change status, priority, type and tags, take a ticket. */
    WORK_TICKETS,
    /** Assign a ticket to someone else. */
    ASSIGN_OTHERS,
    /** See the staff list. */
    VIEW_STAFF,
    /** Create and revoke game API keys. */
    MANAGE_API_KEYS,
    /** Create staff accounts and assign them to games. */
    MANAGE_STAFF
}
