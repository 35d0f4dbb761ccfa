package org.playerdesk.knowledge.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.system.FileTypes;
import org.playerdesk.system.Hashes;
import org.playerdesk.system.Ids;
import org.playerdesk.system.InvalidInput;
import org.playerdesk.system.NotFoundException;
import org.playerdesk.system.PayloadTooLarge;
import org.playerdesk.system.PlayerDeskProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Images in articles: uploaded from the editor, kept under {@code <data-dir>/kb-images}, served
 * at {@code /help/{game}/articles/images/{id}}. What a file is comes from its first bytes (PNG,
 * JPEG, GIF or WebP; the name and the claimed type are ignored). The article decides who sees
 * it: anyone while the article is published for players, staff of the game otherwise.
 */
@Service
@Transactional
public class ArticleImages {

    /** The address of an image of this site, as the Markdown of an article refers to it. */
    static final Pattern OWN_URL = Pattern.compile("/help/[A-Za-z0-9_-]{1,40}/articles/images/[0-9a-f-]{36}");

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    /** A stored image ready to send. */
    public record Served(Path file, String contentType, String etag, boolean publicToAll) {
    }

    private final ArticleImageRepository images;
    private final ArticleRepository articles;
    private final GameCatalog games;
    private final Clock clock;
    private final Path root;
    private final long maxSize;

    ArticleImages(ArticleImageRepository images, ArticleRepository articles, GameCatalog games, Clock clock,
            PlayerDeskProperties properties, @Value("${playerdesk.knowledge.image-max-size:2MB}") DataSize maxSize) {
        this.images = images;
        this.articles = articles;
        this.games = games;
        this.clock = clock;
        this.root = properties.dataDir().resolve("kb-images").toAbsolutePath().normalize();
        this.maxSize = maxSize.toBytes();
    }

    public long maxSize() {
        return maxSize;
    }

    /** Stores an image for an article and returns it; its address is {@link #url(ArticleImage)}. */
    public ArticleImage upload(UUID articleId, byte[] content, String by) {
        Article article = articles.findById(articleId).orElseThrow(() -> new NotFoundException("article", articleId));
        if (content == null || content.length == 0) {
            throw InvalidInput.of("file", "invalid.chooseImage");
        }
        if (content.length > maxSize) {
            throw new PayloadTooLarge("invalid.imageTooLargeKb", DataSize.ofBytes(maxSize).toKilobytes());
        }
        String type = FileTypes.image(content);
        if (type == null) {
            throw InvalidInput.of("file", "invalid.imageType");
        }
        UUID id = Ids.next();
        String key = MONTH.format(clock.instant()) + "/" + id;
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            try (FileChannel channel = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store image", e);
        }
        return images.save(new ArticleImage(article.gameId(), articleId, type, content.length, Hashes.sha256(content),
                key, by, clock.instant()));
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
        Path file = resolve(image.storageKey());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new Served(file, image.contentType(), "\"" + image.sha256() + "\"", publicToAll));
    }

    public UUID gameOf(UUID imageId) {
        return images.findById(imageId).map(ArticleImage::gameId).orElse(null);
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("storage key outside the images folder");
        }
        return path;
    }
}
