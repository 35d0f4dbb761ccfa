/**
 * The audit log viewer ({@code /console/admin/audit}): who saw or changed what, when and from where,
 * filtered by staff member, player, action and dates, a page at a time, and exported as CSV; read
 * through {@link org.playerdesk.access.AuditLog}, with staff, players and games named through their
 * modules. Reading and exporting it is audited in turn (docs/audit.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit log")
package org.playerdesk.audit;
