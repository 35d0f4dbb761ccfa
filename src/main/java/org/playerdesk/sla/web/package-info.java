/** The console's service-level pages: the policies and business calendars of each game. */
package org.playerdesk.sla.web;
