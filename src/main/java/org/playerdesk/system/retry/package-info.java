/**
 * The one retry mechanism: Spring Framework's RetryTemplate configured per use (Retries), and
 * ConflictRetry for listeners that meet a concurrent writer.
 */
@org.springframework.modulith.NamedInterface("retry")
package org.playerdesk.system.retry;
