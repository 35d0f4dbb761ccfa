package org.playerdesk.social.internal;

import java.util.Map;

/**
 * A generic source's own endpoints, each called with a JSON body signed like every PlayerDesk call
 * ({@link org.playerdesk.system.signing.SignedRequests}, the source's secret): the reply callback a
 * post named, and the source's moderation URL for a removal.
 */
interface ForumCallbacks {

    void call(Source source, String url, Map<String, Object> body, String idempotencyKey);
}
