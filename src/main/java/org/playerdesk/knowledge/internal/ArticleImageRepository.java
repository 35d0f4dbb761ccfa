package org.playerdesk.knowledge.internal;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleImageRepository extends JpaRepository<ArticleImage, UUID> {
}
