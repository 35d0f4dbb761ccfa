/**
 * The console's doors and administration: sign-in page, the way in, the language preference,
 * API keys and staff.
 */
package org.playerdesk.access.web;
