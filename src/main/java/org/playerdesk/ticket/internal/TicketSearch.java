package org.playerdesk.ticket.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.playerdesk.ticket.TicketFilter;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import jakarta.persistence.criteria.Predicate;

/** Turns an inbox filter into a query. */
public final class TicketSearch {

    private TicketSearch() {
    }

    public static Specification<Ticket> matching(TicketFilter filter) {
        return matching(filter, null);
    }

    /**
     * {@code foundByText}: the tickets a full-text search found for the filter's words, matched
     * besides the subject (null when there is no full-text search).
     */
    public static Specification<Ticket> matching(TicketFilter filter, Collection<?> foundByText) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.gameScope() != null) {
                where.add(filter.gameScope().isEmpty() ? cb.disjunction() : root.get("gameId").in(filter.gameScope()));
            }
            if (filter.gameId() != null) {
                where.add(cb.equal(root.get("gameId"), filter.gameId()));
            }
            if (filter.statuses() != null && !filter.statuses().isEmpty()) {
                where.add(root.get("status").in(filter.statuses()));
            }
            if (filter.type() != null) {
                where.add(cb.equal(root.get("type"), filter.type()));
            }
            if (filter.priority() != null) {
                where.add(cb.equal(root.get("priority"), filter.priority()));
            }
            if (filter.channel() != null) {
                where.add(cb.equal(root.get("channel"), filter.channel()));
            }
            if (filter.assigneeId() != null) {
                where.add(cb.equal(root.get("assigneeId"), filter.assigneeId()));
            }
            if (filter.unassigned()) {
                where.add(cb.isNull(root.get("assigneeId")));
            }
            List<Predicate> anyOf = new ArrayList<>();
            if (filter.number() != null) {
                anyOf.add(cb.equal(root.get("number"), filter.number()));
            }
            if (filter.playerIds() != null && !filter.playerIds().isEmpty()) {
                anyOf.add(root.get("playerId").in(filter.playerIds()));
            }
            if (filter.words() != null && !filter.words().isBlank()) {
                String like = "%" + escape(filter.words().strip().toLowerCase(Locale.ROOT)) + "%";
                anyOf.add(cb.like(cb.lower(root.get("subject")), like, '\\'));
                if (foundByText != null && !foundByText.isEmpty()) {
                    anyOf.add(root.get("id").in(foundByText));
                }
            }
            if (!anyOf.isEmpty()) {
                where.add(cb.or(anyOf.toArray(Predicate[]::new)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    /** Oldest first by default: the player who has waited longest comes first. */
    public static Sort sort(TicketFilter.Order order) {
        return switch (order == null ? TicketFilter.Order.OLDEST : order) {
            case OLDEST -> Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));
            case NEWEST -> Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
            case UPDATED -> Sort.by(Sort.Order.desc("updatedAt"), Sort.Order.desc("id"));
            case PRIORITY -> Sort.by(Sort.Order.desc("priorityRank"), Sort.Order.asc("createdAt"));
            case DUE -> Sort.by(Sort.Order.asc("slaDueAt").nullsLast(), Sort.Order.desc("priorityRank"),
                    Sort.Order.asc("createdAt"));
        };
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
