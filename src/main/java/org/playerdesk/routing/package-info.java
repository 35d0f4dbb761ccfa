/**
 * Routing and escalation (分配与逐级上报): which queue, which support level and which agent a ticket
 * goes to. {@link org.playerdesk.routing.RoutingSetup} keeps each game's queues and the agents'
 * skills, capacity and shifts ({@link org.playerdesk.routing.Roster}); new, unassigned and
 * escalated tickets are assigned automatically to agents online, on shift and with free capacity
 * (VIP manager first); {@link org.playerdesk.routing.NextTicket} gives an agent the most urgent
 * waiting ticket; {@link org.playerdesk.routing.Escalations} moves a ticket along its game's path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Routing")
package org.playerdesk.routing;
