/**
 * Announcements (公告): a game's notices to its players beyond outages — maintenance with its
 * window, events, event results, rule changes — in Chinese, English or both, published at a set
 * time, taken down at their expiry or withdrawn, pinned first. They show on the game's help
 * center, in the in-game notice feed ({@code GET /api/v1/notices}, which also carries the open
 * incidents' outage notices, read through {@code incident.Incidents}), and, when so marked, as a
 * banner on agents' console pages. {@link org.playerdesk.announcement.Announcements} is the
 * public face.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Announcements")
package org.playerdesk.announcement;
