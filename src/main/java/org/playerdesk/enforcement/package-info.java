/**
 * Enforcement (GM work): actions on game accounts (ban, unban, compensate, freeze, reset password)
 * with per-role authority limits and supervisor approval above them, violation types with penalty
 * ladders, violation records per player, and the multi-account view. {@link
 * org.playerdesk.enforcement.AccountActions} runs every account action, each exactly once;
 * {@link org.playerdesk.enforcement.Enforcement} records violations and applies their ladders.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enforcement")
package org.playerdesk.enforcement;
