/**
 * Who may do what: staff accounts and their roles, sign-in, game API keys (stored hashed), and
 * the permission each role grants, and the audit log of who saw or did what to whom.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.playerdesk.access;
