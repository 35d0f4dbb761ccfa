package org.playerdesk.bench;

import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * An answer the request did not expect (a status other than the ones it accepts), with the node
 * that gave it as the load balancer names it in {@code X-Served-By}; no node means the balancer
 * answered itself (502, 503, 504) or the bench talks to a node directly.
 */
final class Refused extends IOException {

    static final String SERVED_BY = "X-Served-By";

    private final int status;
    private final String servedBy;

    private Refused(int status, String servedBy, String what) {
        super(what);
        this.status = status;
        this.servedBy = servedBy;
    }

    static Refused of(HttpResponse<String> answer) {
        String body = answer.body() == null ? "" : answer.body().replaceAll("\\s+", " ");
        String node = answer.headers().firstValue(SERVED_BY).orElse("");
        return new Refused(answer.statusCode(), node, answer.request().method() + " " + answer.request().uri().getPath()
                + ": " + answer.statusCode() + (node.isEmpty() ? " " : " (node " + node + ") ")
                + body.substring(0, Math.min(160, body.length())));
    }

    int status() {
        return status;
    }

    /** The node that answered, or empty. */
    String servedBy() {
        return servedBy;
    }
}
