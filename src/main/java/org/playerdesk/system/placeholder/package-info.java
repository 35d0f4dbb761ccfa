/**
 * The one way to fill placeholders such as {@code {nickname}} in notices and canned replies.
 */
@org.springframework.modulith.NamedInterface("placeholder")
package org.playerdesk.system.placeholder;
