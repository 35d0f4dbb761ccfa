/**
 * The languages PlayerDesk speaks: Simplified Chinese by default, English on request.
 */
@org.springframework.modulith.NamedInterface("locale")
package org.playerdesk.system.locale;
