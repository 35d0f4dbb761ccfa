/**
 * Who may do what: staff accounts and their roles, sign-in, game API keys (stored hashed), and
 * the permission each role grants. Later also the audit log and privacy tools.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.playerdesk.access;
