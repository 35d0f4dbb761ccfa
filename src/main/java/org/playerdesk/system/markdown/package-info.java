/**
 * The one Markdown renderer (CommonMark) for text staff write and players or staff read: knowledge
 * articles, announcements.
 */
@org.springframework.modulith.NamedInterface("markdown")
package org.playerdesk.system.markdown;
