package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleVersionRepository extends JpaRepository<ArticleVersion, UUID> {

    List<ArticleVersion> findByArticleIdOrderByVersionDesc(UUID articleId);
}
