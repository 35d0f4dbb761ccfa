/** The audit log's page and its CSV export. */
package org.playerdesk.audit.web;
