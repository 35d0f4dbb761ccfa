/**
 * What every module shares: the clock, the domain errors and their RFC 9457 problem-details
 * answers, locale handling, the page layout and the start-up report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.playerdesk.system;
