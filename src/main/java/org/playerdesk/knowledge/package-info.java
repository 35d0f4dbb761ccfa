/**
 * Knowledge (知识库): FAQ articles for players and internal articles for agents, per game and
 * language, with categories, published versions and history; the help center's article pages;
 * full-text search (Chinese and English, synonyms, small typos) through Hibernate Search; canned
 * replies (标准话术) and forbidden phrases (服务忌语) for the reply box.
 * {@link org.playerdesk.knowledge.ArticleSearch} is what other modules ask.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge")
package org.playerdesk.knowledge;
