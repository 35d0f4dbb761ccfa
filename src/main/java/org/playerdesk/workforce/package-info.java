/**
 * Running the department's people day to day (workforce): teams with their leads, the staff
 * lifecycle, shift patterns and rosters, presence, shift handover (交接班) and the daily work log.
 * What others use is {@link org.playerdesk.workforce.Teams}, agents' availability
 * ({@link org.playerdesk.workforce.AgentPresence}; it implements routing's {@code WorkPause}) and
 * {@link org.playerdesk.workforce.Handovers} (presence asks it before an agent leaves the desk;
 * docs/workforce.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce")
package org.playerdesk.workforce;
