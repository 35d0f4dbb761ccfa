/**
 * Routing and escalation (分配与逐级上报): which support level and which agent a ticket goes to.
 * {@link org.playerdesk.routing.Escalations} moves a ticket up its game's escalation path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package org.playerdesk.routing;
