package org.playerdesk.incident.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.incident.IncidentStatus;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface IncidentRepository extends JpaRepository<Incident, UUID> {

    Optional<Incident> findByGroupingKey(String groupingKey);

    @Query("select i from Incident i where i.gameId in :games and i.status in :statuses order by i.createdAt desc, i.id")
    Slice<Incident> findForList(Collection<UUID> games, Collection<IncidentStatus> statuses, Pageable page);

    @Query("select i from Incident i where i.status in :statuses order by i.createdAt desc, i.id")
    Slice<Incident> findForListAllGames(Collection<IncidentStatus> statuses, Pageable page);

    List<Incident> findByGameIdAndStatusOrderByCreatedAtDesc(UUID gameId, IncidentStatus status);

    /**
     * The game's incidents in either status, newest first. Two values rather than a collection:
     * Hibernate translates a query with a collection parameter again at every call, and this one
     * runs for every inbox and ticket page.
     */
    @Query("select i from Incident i where i.gameId = :gameId and (i.status = :one or i.status = :other)"
            + " order by i.createdAt desc")
    List<Incident> findByGameIdInEither(UUID gameId, IncidentStatus one, IncidentStatus other);

    /** The id and version of each incident in this status, which change with anything its notice shows. */
    @Query("select i.id, i.version from Incident i where i.gameId = :gameId and i.status = :status order by i.id")
    List<Object[]> findVersions(UUID gameId, IncidentStatus status);
}
