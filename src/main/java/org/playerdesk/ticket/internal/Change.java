package org.playerdesk.ticket.internal;

/** A change a ticket made to itself, to be written into its history. */
public record Change(String action, String oldValue, String newValue) {

    public static final String CREATED = "created";
    public static final String STATUS = "status";
    public static final String ASSIGNEE = "assignee";
    public static final String PRIORITY = "priority";
    public static final String TYPE = "type";
    public static final String TAG_ADDED = "tag_added";
    public static final String TAG_REMOVED = "tag_removed";
    public static final String REPLY = "reply";
    public static final String NOTE = "note";
    /** Moved to another support level (escalated, or handed back down). */
    public static final String LEVEL = "level";
    public static final String ATTACHMENT = "attachment";
    /** Something another module did about the ticket (a game action, a procedure step), in words. */
    public static final String RECORDED = "recorded";
}
