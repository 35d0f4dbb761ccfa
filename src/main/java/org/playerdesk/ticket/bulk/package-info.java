/**
 * The inbox's bulk actions: a job that applies one action to many tickets (chosen rows, or every
 * ticket matching a filter when it started), stored with its tickets and worked through in the
 * background in batches that any node may claim, each ticket in a transaction of its own.
 */
package org.playerdesk.ticket.bulk;
