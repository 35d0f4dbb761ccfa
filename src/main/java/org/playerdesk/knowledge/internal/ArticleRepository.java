package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, UUID> {

    List<Article> findByGameIdOrderByUpdatedAtDesc(UUID gameId);

    @Query("select a from Article a where a.gameId = ?1 and a.locale = ?2 and a.title is not null"
            + " and a.audience = 'public' order by a.updatedAt desc")
    List<Article> published(UUID gameId, String locale);

    @Modifying
    @Query("update Article a set a.helpful = a.helpful + 1 where a.id = ?1")
    int countHelpful(UUID id);

    @Modifying
    @Query("update Article a set a.unhelpful = a.unhelpful + 1 where a.id = ?1")
    int countUnhelpful(UUID id);

    @Modifying
    @Query("update Article a set a.deflections = a.deflections + 1 where a.id = ?1")
    int countDeflection(UUID id);
}
