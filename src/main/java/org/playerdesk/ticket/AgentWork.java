package org.playerdesk.ticket;

/**
 * What one agent did on one ticket over a period (their day, for the daily work log): how many
 * public replies they wrote, and whether the ticket was given to them, they resolved it or they
 * escalated it then. {@code ticket} is the ticket as it stands now.
 */
public record AgentWork(TicketView ticket, int replies, boolean assigned, boolean resolved, boolean escalated) {
}
