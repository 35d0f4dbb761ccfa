/**
 * Delivering events between modules: the fixed pool of event workers and the resubmission of
 * publications that failed.
 */
@org.springframework.modulith.NamedInterface("events")
package org.playerdesk.system.events;
