/**
 * Running the department's people day to day (workforce): teams with their leads, the staff
 * lifecycle, shift patterns and rosters, presence, shift handover (交接班) and the daily work log.
 * What others use is {@link org.playerdesk.workforce.Teams}; for who works when,
 * {@link org.playerdesk.workforce.Rosters} (it answers routing's {@link org.playerdesk.routing.ShiftSource});
 * agents' availability, {@link org.playerdesk.workforce.AgentPresence} (it answers routing's
 * {@code WorkPause}); and {@link org.playerdesk.workforce.Handovers} (presence asks it before an agent
 * leaves the desk). See docs/workforce.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce")
package org.playerdesk.workforce;
