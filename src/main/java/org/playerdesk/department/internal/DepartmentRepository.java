package org.playerdesk.department.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DepartmentRepository extends JpaRepository<Department, UUID> {

    /** The game's own departments and those shared by all games. */
    @Query("select d from Department d where d.gameId = :gameId or d.gameId is null order by d.code, d.gameId")
    List<Department> availableTo(UUID gameId);

    List<Department> findAllByOrderByCodeAscGameIdAsc();

    List<Department> findByGameIdIsNullAndCode(String code);

    List<Department> findByGameIdAndCode(UUID gameId, String code);

    @Query("select d from Department d join d.members m where m = :staffId")
    List<Department> ofMember(UUID staffId);

    List<Department> findByIdIn(Collection<UUID> ids);
}
