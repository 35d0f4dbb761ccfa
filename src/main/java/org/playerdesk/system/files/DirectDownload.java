package org.playerdesk.system.files;

import java.net.URI;

/**
 * A stored file that browsers can fetch straight from where it is kept, by a short-lived signed
 * address, instead of through PlayerDesk (object storage with {@code playerdesk.files.s3.presign}).
 * The address carries the type and disposition to answer with; the storage cannot add other
 * headers, such as {@code Content-Security-Policy}.
 */
public interface DirectDownload {

    /** A signed address of the file that answers with this content type and content disposition. */
    URI link(String contentType, String contentDisposition);
}
