/**
 * Running the department's people day to day (workforce): teams with their leads, the staff
 * lifecycle, shift patterns and rosters, presence, shift handover (交接班) and the daily work log.
 * What others use is {@link org.playerdesk.workforce.Teams} and, for who works when,
 * {@link org.playerdesk.workforce.Rosters} (docs/workforce.md); it answers routing's
 * {@link org.playerdesk.routing.ShiftSource}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workforce")
package org.playerdesk.workforce;
