/**
 * Running the department's people day to day (workforce): teams with their leads, the staff
 * lifecycle, shift patterns and rosters, presence, shift handover (交接班) and the daily work log.
 * What others use is {@link org.playerdesk.workforce.Teams} and agents' availability,
 * {@link org.playerdesk.workforce.AgentPresence} (docs/workforce.md); it implements routing's
 * {@code WorkPause}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce")
package org.playerdesk.workforce;
