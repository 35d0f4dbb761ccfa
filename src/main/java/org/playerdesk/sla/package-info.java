/**
 * Service levels (服务时效): per-game policies with first-response, next-response and resolution
 * targets over business calendars, timers stored in the database that pause while support waits
 * on the player, and the warning and breach each target can reach, published as
 * {@link org.playerdesk.sla.SlaEvents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Service levels")
package org.playerdesk.sla;
