package org.playerdesk.routing.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** The roster's tables. */
public final class ShiftRepositories {

    private ShiftRepositories() {
    }

    public interface Weekly extends JpaRepository<WeeklyShift, UUID> {
        List<WeeklyShift> findByStaffIdIn(Collection<UUID> staffIds);

        @Modifying(flushAutomatically = true)
        @Query("delete from WeeklyShift s where s.staffId = :staffId")
        void deleteOf(UUID staffId);

        @Query("select s.staffId from WeeklyShift s where s.staffId in :staffIds")
        List<UUID> staffWithShifts(Collection<UUID> staffIds);
    }

    public interface Exceptions extends JpaRepository<ShiftException, UUID> {
        List<ShiftException> findByStaffIdIn(Collection<UUID> staffIds);

        @Modifying(flushAutomatically = true)
        @Query("delete from ShiftException s where s.staffId = :staffId")
        void deleteOf(UUID staffId);
    }
}
