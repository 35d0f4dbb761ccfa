/**
 * What every module shares, in small packages named for what they are: {@code errors} (refusals,
 * their words in the reader's language and their RFC 9457 answers), {@code validation} (checking
 * input), {@code entity} (ids, stored entities, coded enums), {@code locale}, {@code events}
 * (event workers and failed-event resubmission), {@code database} (the start-up report and the
 * answer to an outage), {@code files} (the one file store), {@code retry}, {@code ratelimit},
 * {@code signing}, {@code placeholder}, {@code cache} (reference data kept in memory) and {@code net} (the guard of calls to configured addresses). The root holds the clock, the locale resolver and the
 * {@code playerdesk.*} settings. The module is not open: other modules use only these named
 * interfaces and the root's public types.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package org.playerdesk.system;
