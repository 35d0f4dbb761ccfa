package org.playerdesk.ticket.internal;

import java.util.List;
import java.util.UUID;

import org.playerdesk.ticket.SavedView;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InboxViewRepository extends JpaRepository<InboxView, UUID> {

    /** A member of staff's own views, in their order. */
    @Query("select distinct v from InboxView v left join fetch v.games where v.ownerId = :ownerId"
            + " order by v.position, v.createdAt")
    List<InboxView> ownedBy(UUID ownerId);

    /** The views others share (each with its games), for the caller to keep those of the reader's games. */
    @Query("select distinct v from InboxView v left join fetch v.games where v.audience = :audience"
            + " and v.ownerId <> :reader order by v.name")
    List<InboxView> sharedByOthers(SavedView.Audience audience, UUID reader);

    @Query("select coalesce(max(v.position), 0) from InboxView v where v.ownerId = :ownerId")
    int lastPosition(UUID ownerId);

    long countByOwnerId(UUID ownerId);
}
