/** The console's notification bell and list. */
package org.playerdesk.notification.web;
