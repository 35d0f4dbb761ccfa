package org.playerdesk.system.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.function.BiFunction;

import org.springframework.core.io.AbstractResource;

/**
 * A file kept elsewhere than in a local folder, as a resource: its length is known without reading
 * it, and each {@link #getInputStream()} reads it anew from the store, so that it can be served
 * whole or in ranges.
 */
class StoredContent extends AbstractResource {

    /** Opens the file's content in its store. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final String description;
    private final long length;
    private final Opener opener;

    StoredContent(String description, long length, Opener opener) {
        this.description = description;
        this.length = length;
        this.opener = opener;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return opener.open();
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public boolean exists() {
        return true;
    }

    @Override
    public String getDescription() {
        return description;
    }

    /** A file that browsers may also fetch from its store by a signed address. */
    static final class Linked extends StoredContent implements DirectDownload {

        private final BiFunction<String, String, URI> links;

        Linked(String description, long length, Opener opener, BiFunction<String, String, URI> links) {
            super(description, length, opener);
            this.links = links;
        }

        @Override
        public URI link(String contentType, String contentDisposition) {
            return links.apply(contentType, contentDisposition);
        }
    }
}
