/**
 * Reference data kept in memory: lists that pages show on every request (games, staff) and that
 * change rarely, read again after every change this node commits and at the latest after a few
 * seconds for changes other nodes make ({@link org.playerdesk.system.cache.ReferenceCache}).
 */
@org.springframework.modulith.NamedInterface("cache")
package org.playerdesk.system.cache;
