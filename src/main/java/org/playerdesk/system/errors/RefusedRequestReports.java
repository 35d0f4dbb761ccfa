package org.playerdesk.system.errors;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * The answer to a request the server refuses before PlayerDesk sees it (a NUL or an encoded
 * {@code ..} or {@code /} in the address, a control character in a header): problem details for
 * the JSON APIs, a short page in both languages for the rest, never the container's own page. It
 * says nothing of the request itself: what was wrong is not echoed back.
 */
public class RefusedRequestReports extends ErrorReportValve {

    private static final String[] JSON_APIS = { "/api/", "/chat/api/", "/department-answers/" };

    public RefusedRequestReports() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable failure) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        try {
            response.setCharacterEncoding("UTF-8");
            String body;
            if (api(request)) {
                response.setContentType("application/problem+json");
                body = "{\"type\":\"https://playerdesk.org/problems/" + (status == 400 ? "bad-request" : "error")
                        + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"The request was refused before it was read: its address or a header is not "
                        + "well-formed.\"}";
            } else {
                response.setContentType("text/html");
                body = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + status + " "
                        + title + "</title></head><body><h1>" + status + " " + title + "</h1>"
                        + "<p>请求的地址或请求头格式不正确，已被拒绝。</p>"
                        + "<p lang=\"en\">The address or a header of the request is not well-formed; it was refused.</p>"
                        + "<p><a href=\"/\">PlayerDesk</a></p></body></html>";
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the answer has begun: nothing more to say
        }
    }

    private static boolean api(Request request) {
        String uri = request.getCoyoteRequest().requestURI().toString();
        if (uri != null) {
            for (String prefix : JSON_APIS) {
                if (uri.startsWith(prefix)) {
                    return true;
                }
            }
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
