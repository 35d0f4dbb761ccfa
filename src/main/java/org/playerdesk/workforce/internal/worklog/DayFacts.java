package org.playerdesk.workforce.internal.worklog;

import java.util.List;

/**
 * What an agent did on a day, read from the tickets (the log's pre-filled part): the tickets
 * handled (replied to, given, resolved or escalated), the public replies, resolutions and
 * escalations, and the notable cases among them.
 */
record DayFacts(List<WorkedTicket> tickets, int replies, int resolved, int escalated) {

    public int handled() {
        return tickets.size();
    }

    public List<WorkedTicket> notable() {
        return tickets.stream().filter(t -> !t.notable().isEmpty()).toList();
    }
}
