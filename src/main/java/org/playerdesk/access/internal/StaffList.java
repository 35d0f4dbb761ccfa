package org.playerdesk.access.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffMember;
import org.playerdesk.system.cache.ReferenceCache;
import org.springframework.stereotype.Component;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

/**
 * Every member of staff, kept in memory for the lists the console shows on every page (the
 * inbox's assignee filter, the names of a page of tickets). An entity listener of
 * {@link StaffAccount}: any change written through JPA makes the next reader load the list again;
 * a change another node makes is seen within {@link #KEEP}.
 */
@Component
public class StaffList {

    /** How long another node's change may go unseen. */
    static final Duration KEEP = Duration.ofSeconds(5);

    /** The members by user name, and by id. */
    public record Members(List<StaffMember> all, Map<java.util.UUID, StaffMember> byId) {

        static Members of(List<StaffMember> all) {
            return new Members(all, all.stream().collect(Collectors.toUnmodifiableMap(StaffMember::id, Function.identity())));
        }
    }

    private final ReferenceCache<Members> members = new ReferenceCache<>(KEEP);

    /** The members as kept, or as {@code load} reads them (by user name). */
    public Members get(Supplier<List<StaffMember>> load) {
        return members.get(() -> Members.of(load.get()));
    }

    /** The list changed (or is about to, in the current transaction): read it again. */
    public void changed() {
        members.changed();
    }

    /**
     * The entity listener of {@link StaffAccount}: JPA makes one of its own (Spring injects this list into
     * it), so it hands every change written through JPA to the list Spring keeps.
     */
    public static class Changes {

        private final StaffList list;

        public Changes(StaffList list) {
            this.list = list;
        }

        @PostPersist
        @PostUpdate
        @PostRemove
        void changed(Object entity) {
            list.changed();
        }
    }
}
