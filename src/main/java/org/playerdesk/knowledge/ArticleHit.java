package org.playerdesk.knowledge;

import java.util.UUID;

/**
 * An article found by a search: its published title, a short passage with the matched words
 * marked ({@code <mark>}, the rest HTML-escaped, so it can be shown as is), the search score, and
 * how confident PlayerDesk is that the article answers the text searched for (0 to 1: the share
 * of the article title's words, and of the query's words, found on the other side).
 */
public record ArticleHit(UUID id, UUID gameId, Audience audience, String title, String snippetHtml, float score,
        double confidence) {
}
