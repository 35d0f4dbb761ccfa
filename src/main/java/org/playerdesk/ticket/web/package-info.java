/**
 * The agents' console for tickets: the inbox, the ticket page with its actions, and attachment
 * downloads. Every page and action is limited to the games the member of staff serves.
 */
package org.playerdesk.ticket.web;
