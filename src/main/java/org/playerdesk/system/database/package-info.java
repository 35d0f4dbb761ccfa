/**
 * The database as an operator sees it: the start-up report of which database is in use, and the
 * answer to an outage (503 with Retry-After) instead of a half-done write, and the reads with plain
 * SQL of rows that entities write ({@link org.playerdesk.system.database.SqlReads}).
 */
@org.springframework.modulith.NamedInterface("database")
package org.playerdesk.system.database;
