package org.playerdesk.access;

import java.util.EnumSet;
import java.util.Set;

/** The roles of a support department, each with the permissions it grants. */
public enum StaffRole implements org.playerdesk.system.entity.Coded {

    ADMIN("admin", EnumSet.allOf(Permission.class)),
    SUPERVISOR("supervisor", EnumSet.of(Permission.VIEW_TICKETS, Permission.WORK_TICKETS, Permission.ASSIGN_OTHERS,
            Permission.VIEW_STAFF, Permission.VIEW_PERSONAL_DATA, Permission.REVIEW_QUALITY,
            Permission.VIEW_PAY, Permission.PUBLISH_ANNOUNCEMENTS, Permission.RUN_CAMPAIGNS,
            Permission.VIEW_AUDIT_LOG, Permission.HANDLE_PRIVACY_REQUESTS)),
    /** Quality assurance (质检): reads tickets and scores agents' conversations; takes no tickets. */
    QA("qa", EnumSet.of(Permission.VIEW_TICKETS, Permission.VIEW_STAFF, Permission.REVIEW_QUALITY)),
    AGENT_L1("agent_l1", EnumSet.of(Permission.VIEW_TICKETS, Permission.WORK_TICKETS)),
    AGENT_L2("agent_l2", EnumSet.of(Permission.VIEW_TICKETS, Permission.WORK_TICKETS, Permission.VIEW_PERSONAL_DATA)),
    AGENT_VIP("agent_vip", EnumSet.of(Permission.VIEW_TICKETS, Permission.WORK_TICKETS,
            Permission.VIEW_PERSONAL_DATA, Permission.RUN_CAMPAIGNS));

    private final String code;
    private final Set<Permission> permissions;

    StaffRole(String code, Set<Permission> permissions) {
        this.code = code;
        this.permissions = permissions;
    }

    @Override
    public String code() {
        return code;
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /**
     * Whether this role leads the department: supervisors and administrators (there is no lead role
     * of its own yet). Leads start on the insight dashboard after sign-in; agents on the inbox.
     */
    public boolean leads() {
        return this == SUPERVISOR || this == ADMIN;
    }

    /** Administrators serve every game; everyone else serves the games they are assigned to. */
    public boolean seesAllGames() {
        return this == ADMIN;
    }
}
