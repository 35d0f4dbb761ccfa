package org.playerdesk.knowledge.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.system.files.FileTypes;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.files.FileStore;
import org.playerdesk.system.files.FileStores;
import org.playerdesk.system.files.StoredFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Images in articles: uploaded from the editor, kept in the {@code kb-images} area of the file
 * store ({@code <data-dir>/kb-images} with local folders), served at
 * {@code /help/{game}/articles/images/{id}}. What a file is comes from its first bytes (PNG,
 * JPEG, GIF or WebP; the name and the claimed type are ignored). The article decides who sees
 * it: anyone while the article is published for players, staff of the game otherwise.
 */
@Service
@Transactional
public class ArticleImages {

    /** The address of an image of this site, as the Markdown of an article refers to it. */
    static final Pattern OWN_URL = Pattern.compile("/help/[A-Za-z0-9_-]{1,40}/articles/images/[0-9a-f-]{36}");

    /** Enough of a file's first bytes to tell PNG, JPEG, GIF and WebP apart. */
    private static final int SNIFFED = 16;

    /** A stored image ready to send. */
    public record Served(Resource content, String contentType, String etag, boolean publicToAll) {
    }

    private final ArticleImageRepository images;
    private final ArticleRepository articles;
    private final GameCatalog games;
    private final Clock clock;
    private final FileStore files;
    private final long maxSize;

    ArticleImages(ArticleImageRepository images, ArticleRepository articles, GameCatalog games, Clock clock,
            FileStores stores, @Value("${playerdesk.knowledge.image-max-size:2MB}") DataSize maxSize) {
        this.images = images;
        this.articles = articles;
        this.games = games;
        this.clock = clock;
        this.files = stores.area("kb-images");
        this.maxSize = maxSize.toBytes();
    }

    public long maxSize() {
        return maxSize;
    }

    /**
     * Stores an image of {@code size} bytes for an article and returns it; its address is
     * {@link #url(ArticleImage)}. Only the first bytes are read to decide the type; the rest is
     * streamed to the store.
     */
    public ArticleImage upload(UUID articleId, long size, InputStream content, String by) throws IOException {
        Article article = articles.findById(articleId).orElseThrow(() -> new NotFoundException("article", articleId));
        if (content == null || size <= 0) {
            throw InvalidInput.of("file", "invalid.chooseImage");
        }
        if (size > maxSize) {
            throw new PayloadTooLarge("invalid.imageTooLargeKb", DataSize.ofBytes(maxSize).toKilobytes());
        }
        BufferedInputStream in = new BufferedInputStream(content, SNIFFED);
        in.mark(SNIFFED);
        String type = FileTypes.image(in.readNBytes(SNIFFED));
        if (type == null) {
            throw InvalidInput.of("file", "invalid.imageType");
        }
        in.reset();
        StoredFile file = files.put(in);
        return images.save(new ArticleImage(article.gameId(), articleId, type, file.size(), file.sha256(),
                file.key(), by, clock.instant()));
    }

    public String url(ArticleImage image) {
        return "/help/" + games.get(image.gameId()).code() + "/articles/images/" + image.getId();
    }

    /**
     * The image for this reader: {@code staffOfGame} says whether the reader is staff serving the
     * image's game. Anything the reader may not see is "not found".
     */
    @Transactional(readOnly = true)
    public Optional<Served> serve(String gameCode, UUID imageId, boolean staffOfGame) {
        Optional<ArticleImage> found = images.findById(imageId)
                .filter(i -> games.byCode(gameCode).map(g -> g.id().equals(i.gameId())).orElse(false));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ArticleImage image = found.get();
        boolean publicToAll = articles.findById(image.articleId())
                .map(a -> a.published() && a.audience() == Audience.PUBLIC).orElse(false);
        if (!publicToAll && !staffOfGame) {
            return Optional.empty();
        }
        return files.get(image.storageKey())
                .map(file -> new Served(file, image.contentType(), "\"" + image.sha256() + "\"", publicToAll));
    }

    public UUID gameOf(UUID imageId) {
        return images.findById(imageId).map(ArticleImage::gameId).orElse(null);
    }
}
