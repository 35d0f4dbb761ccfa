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
    MANAGE_STAFF,
    /**
     * Reveal a player's personal data (IP addresses, contact email and phone): shown masked by
     * default, revealed on request, and every reveal is written to the audit log.
     */
    VIEW_PERSONAL_DATA,
    /** Configure how each game's backend is reached (connector kind, base URL, secret). */
    MANAGE_GAMES,
    /** Score agents' conversations on the QA scorecard (质检) and see the quality desk. */
    REVIEW_QUALITY,
    /**
     * See every agent's pay (提成) and pick the quarter's excellent employee and team; without it,
     * an agent sees only their own pay and a team's lead their members'.
     */
    VIEW_PAY,
    /** Change the pay rules and export the month's payroll. */
    MANAGE_PAY,
    /**
     * Write, schedule, publish and withdraw a game's announcements (公告) for the help center, the
     * in-game feed and the agents' console banner.
     */
    PUBLISH_ANNOUNCEMENTS,
    /** Build, start, pause and cancel campaigns to players (回访, inactive players) and change players' opt-outs. */
    RUN_CAMPAIGNS,
    /**
     * Read the audit log (who saw or changed what, when, from where) and export it; administrators
     * read all of it, supervisors the entries of the games they serve. Every reading is itself audited.
     */
    VIEW_AUDIT_LOG,
    /**
     * Handle players' data requests (PIPL / GDPR): receive them, download a player's data export,
     * carry out an erasure, and set each game's request deadline and retention periods.
     */
    HANDLE_PRIVACY_REQUESTS
}
