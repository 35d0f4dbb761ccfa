package org.playerdesk.knowledge.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploading an image from the article editor (answered with its address and the Markdown to
 * insert), and serving it: cached by anyone for a published public article, privately to staff
 * of the game otherwise.
 */
@RestController
class ArticleImageController {

    private static final Duration PUBLIC_CACHE = Duration.ofDays(1);
    private static final Duration STAFF_CACHE = Duration.ofHours(1);

    private final ArticleImages images;
    private final KnowledgeBase knowledge;
    private final ServedGames served;

    ArticleImageController(ArticleImages images, KnowledgeBase knowledge, ServedGames served) {
        this.images = images;
        this.knowledge = knowledge;
        this.served = served;
    }

    @PostMapping(path = "/console/knowledge/articles/{id}/images", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> upload(@PathVariable UUID id, @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String alt, @AuthenticationPrincipal StaffUser me) throws IOException {
        served.writable(knowledge.article(id).gameId(), me);
        ArticleImage image;
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            image = images.upload(id, file == null ? 0 : file.getSize(), content, me.displayName());
        }
        String url = images.url(image);
        String text = alt == null || alt.isBlank() ? "image" : alt.strip().replaceAll("[\\[\\]\\r\\n]", " ");
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("url", url, "markdown", "![" + text + "](" + url + ")"));
    }

    @GetMapping("/help/{game}/articles/images/{id}")
    ResponseEntity<Resource> image(@PathVariable String game, @PathVariable UUID id,
            @AuthenticationPrincipal StaffUser me) {
        UUID gameId = images.gameOf(id);
        boolean staff = me != null && gameId != null && (me.gameScope() == null || me.serves(gameId));
        return images.serve(game, id, staff)
                .map(found -> ResponseEntity.ok()
                        .cacheControl(found.publicToAll() ? CacheControl.maxAge(PUBLIC_CACHE).cachePublic()
                                : CacheControl.maxAge(STAFF_CACHE).cachePrivate())
                        .eTag(found.etag())
                        .contentType(MediaType.parseMediaType(found.contentType()))
                        .body(found.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
