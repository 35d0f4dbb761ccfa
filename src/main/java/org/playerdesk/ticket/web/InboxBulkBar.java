package org.playerdesk.ticket.web;

import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.ticket.BulkTicketAction;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.bulk.BulkJobs;
import org.playerdesk.ticket.bulk.BulkProperties;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the inbox's bulk-action bar shows: the actions this reader is offered with their choices,
 * how many tickets the view matches in all (for "choose all 1,204 matching"), and the view's
 * filters, sent along so that "all matching" means this view when the job starts.
 */
@Component
class InboxBulkBar {

    private final BulkJobs jobs;
    private final TicketQueries queries;
    private final BulkProperties properties;

    InboxBulkBar(BulkJobs jobs, TicketQueries queries, BulkProperties properties) {
        this.properties = properties;
        this.jobs = jobs;
        this.queries = queries;
    }

    /** An action as the bar offers it; {@code input} is NONE, CHOICE or TEXT. */
    record Offered(String code, String labelKey, String input, List<BulkTicketAction.Choice> choices) {
    }

    void addTo(Model model, StaffUser reader, InboxQuery query, TicketFilter filter, Slice<TicketView> page,
            int pageNumber) {
        List<Offered> offered = reader.can(Permission.WORK_TICKETS) ? offered(reader) : List.of();
        model.addAttribute("bulkOn", !offered.isEmpty());
        model.addAttribute("bulkActions", offered);
        if (offered.isEmpty()) {
            return;
        }
        // a count only when there is more than this page (most views fit on one), and only up to the
        // tabs' cap ("1,000+"): a job takes up to playerdesk.bulk.max-tickets and says so when there are more
        long most = Math.min(InboxTabs.COUNT_CAP, properties.maxTickets());
        long matching = page.hasNext() ? queries.countUpTo(filter, most)
                : (long) pageNumber * InboxQuery.PAGE_SIZE + page.getNumberOfElements();
        model.addAttribute("bulkMatching", matching);
        model.addAttribute("bulkMatchingText", matching > most
                ? NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(most) + "+"
                : NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(matching));
        model.addAttribute("bulkFields", fields(query, query.view(reader).code()));
    }

    private List<Offered> offered(StaffUser reader) {
        return jobs.actions().stream().filter(action -> action.offeredTo(reader)).map(action -> {
            List<BulkTicketAction.Choice> choices = action.input() == BulkTicketAction.Input.CHOICE
                    ? action.choices(reader) : List.of();
            return new Offered(action.code(), action.labelKey(), action.input().name(), choices);
        }).filter(o -> !o.input().equals(BulkTicketAction.Input.CHOICE.name()) || !o.choices().isEmpty()).toList();
    }

    /** The view's filters as the form sends them again. */
    private static Map<String, String> fields(InboxQuery query, String view) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("view", view);
        put(fields, "game", query.game());
        put(fields, "type", query.type());
        put(fields, "status", query.status());
        put(fields, "priority", query.priority());
        put(fields, "channel", query.channel());
        put(fields, "assignee", query.assignee());
        put(fields, "q", query.q());
        put(fields, "sort", query.sort());
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isBlank()) {
            fields.put(name, value.strip());
        }
    }
}
