/**
 * The one rate limiter: Bucket4j token buckets and fixed windows behind {@link org.playerdesk.system.ratelimit.RateLimiter},
 * in memory on one node or shared by every node in PostgreSQL.
 */
@org.springframework.modulith.NamedInterface("ratelimit")
package org.playerdesk.system.ratelimit;
