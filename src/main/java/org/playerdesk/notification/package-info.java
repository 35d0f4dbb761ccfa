/**
 * Notifications to staff (站内通知): a service-level warning or breach, an escalated ticket, a
 * department's answer. Each is stored for its reader, in words chosen at reading time from a
 * message key, so every member of staff reads it in their own language.
 * {@link org.playerdesk.notification.Notifications} sends and reads them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.playerdesk.notification;
