/**
 * What every module shares: the clock, the domain errors and their RFC 9457 problem-details
 * answers, locale handling, the page layout and the start-up report; and one of each piece of
 * infrastructure: retries ({@code retry}), rate limits ({@code ratelimit}), signatures
 * ({@code signing}) and placeholder filling ({@code placeholder}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.playerdesk.system;
