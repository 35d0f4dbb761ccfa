package org.playerdesk.access;

import java.time.Instant;

/**
 * Failed sign-ins crossed a limit: those of one account (from anywhere) or those from one client
 * address (to any account). Raised at most once per {@code playerdesk.sign-in-limits.alarm-every}
 * for the same account or address; administrators are told.
 *
 * @param kind {@code account} or {@code address}
 * @param subject the username or the client address
 */
public record SignInAlarm(String kind, String subject, Instant at) {
}
