package org.playerdesk.privacy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerProfiles;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.privacy.DataSubject;
import org.playerdesk.privacy.ExportSink;
import org.playerdesk.privacy.PersonalDataHolder;
import org.playerdesk.privacy.PrivacyRequestView;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.files.FileStore;
import org.playerdesk.system.files.FileStores;
import org.playerdesk.system.files.FilesUnavailable;
import org.playerdesk.system.files.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.SerializationFeature;

/**
 * Writes players' data exports on a thread of its own: woken when an export is asked for on this
 * node and every {@code playerdesk.privacy.poll-interval}; takes one waiting export at a time (or
 * one whose node died: its lease ran out) and writes a ZIP into the file store (area
 * {@value #AREA}): {@code player.json}, {@code notes.json}, {@code tags.json}, one
 * {@code <kind>.json} per data kind each module keeps, and the player's files under {@code files/}.
 * An account support has never heard of gets an archive that says so. An archive is removed
 * {@code playerdesk.privacy.keep-exports} after it was written (the request and its counts stay).
 */
@Component
public class ExportArchives implements DisposableBean {

    static final String AREA = "privacy";

    private static final Logger log = LoggerFactory.getLogger(ExportArchives.class);

    private final PrivacyStore store;
    private final List<PersonalDataHolder> holders;
    private final PlayerDirectory players;
    private final PlayerProfiles profiles;
    private final FileStores files;
    private final PrivacyProperties properties;
    private final Clock clock;
    private final JsonMapper json;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + Ids.next();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("privacy-export").daemon(true).factory());
    private final AtomicBoolean queued = new AtomicBoolean();

    ExportArchives(PrivacyStore store, List<PersonalDataHolder> holders, PlayerDirectory players,
            PlayerProfiles profiles, FileStores files, PrivacyProperties properties, Clock clock, JsonMapper json) {
        this.store = store;
        this.holders = holders;
        this.players = players;
        this.profiles = profiles;
        this.files = files;
        this.properties = properties;
        this.clock = clock;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    FileStore store() {
        return files.area(AREA);
    }

    /** The archive under this key, if it is still there. */
    public Optional<Resource> open(String key) {
        return store().get(key);
    }

    @Scheduled(initialDelayString = "${playerdesk.privacy.poll-interval:10s}",
            fixedDelayString = "${playerdesk.privacy.poll-interval:10s}")
    void poll() {
        wake();
    }

    /** Has this node's writer look for exports to write, unless it is about to already. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                DatabaseUnavailable.tolerate(log, "Players' data exports not written yet", this::work);
            });
        }
    }

    /** Takes and writes one export after another until none waits; answers how many were written. */
    public int work() {
        int written = 0;
        Optional<PrivacyStore.Row> row;
        while ((row = store.claimExport(node, clock.instant(), clock.instant().plus(properties.lease()))).isPresent()) {
            if (write(row.get().view())) {
                written++;
            }
        }
        return written;
    }

    private boolean write(PrivacyRequestView request) {
        Path temporary = null;
        StoredFile file = null;
        try {
            temporary = Files.createTempFile("player-data", ".zip");
            Map<String, Integer> counts;
            try (OutputStream out = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(out)) {
                counts = archive(request, zip);
            }
            try (InputStream in = Files.newInputStream(temporary)) {
                file = store().put(in);
            }
            if (store.finishExport(request.id(), node, counts, file.key(), file.size(), clock.instant())) {
                log.info("player data export {} written: {}", request.id(), counts);
                return true;
            }
            store().delete(file.key());
            return false;
        } catch (RuntimeException | IOException e) {
            if (e instanceof RuntimeException runtime && DatabaseUnavailable.causedBy(runtime)) {
                throw runtime;
            }
            log.warn("player data export {} failed", request.id(), e);
            if (file != null) {
                store().delete(file.key());
            }
            return store.failExport(request.id(), node,
                    e instanceof FilesUnavailable ? "privacy.export.failed.files" : "privacy.export.failed.other",
                    clock.instant());
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    /** Writes the archive's entries; answers the rows per data kind. */
    private Map<String, Integer> archive(PrivacyRequestView request, ZipOutputStream zip) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Optional<PlayerSummary> found = players.find(request.gameId(), request.accountId());
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("requestId", request.id().toString());
        about.put("accountId", request.accountId());
        about.put("receivedAt", request.receivedAt().toString());
        about.put("writtenAt", clock.instant().toString());
        about.put("known", found.isPresent());
        if (found.isEmpty()) {
            entry(zip, "player.json", about);
            return counts;
        }
        PlayerSummary player = found.get();
        about.put("nickname", player.nickname());
        about.put("server", player.server());
        about.put("role", player.role());
        about.put("contactEmail", player.contactEmail());
        about.put("firstSeenAt", player.firstSeenAt() == null ? null : player.firstSeenAt().toString());
        entry(zip, "player.json", about);
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        rows.put("notes", profiles.notes(player.id()).stream().map(note -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", note.id().toString());
            row.put("body", note.body());
            row.put("authorName", note.authorName());
            row.put("createdAt", note.createdAt().toString());
            return row;
        }).toList());
        rows.put("tags", profiles.tags(player.id()).stream().map(tag -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("tag", tag.tag());
            row.put("addedBy", tag.addedBy());
            row.put("addedAt", tag.addedAt() == null ? null : tag.addedAt().toString());
            return row;
        }).toList());
        Set<String> paths = new LinkedHashSet<>();
        ExportSink sink = new ExportSink() {
            @Override
            public void rows(String kind, List<Map<String, Object>> list) {
                rows.computeIfAbsent(kind, k -> new ArrayList<>());
                List<Map<String, Object>> all = new ArrayList<>(rows.get(kind));
                all.addAll(list);
                rows.put(kind, all);
            }

            @Override
            public void file(String path, Resource content) {
                if (!paths.add(path)) {
                    return;
                }
                try (InputStream in = content.getInputStream()) {
                    zip.putNextEntry(new ZipEntry("files/" + path));
                    in.transferTo(zip);
                    zip.closeEntry();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        DataSubject subject = new DataSubject(player.id(), request.gameId(), request.accountId());
        for (PersonalDataHolder holder : holders) {
            holder.export(subject, sink);
        }
        for (Map.Entry<String, List<Map<String, Object>>> kind : rows.entrySet()) {
            entry(zip, kind.getKey() + ".json", kind.getValue());
            counts.put(kind.getKey(), kind.getValue().size());
        }
        return counts;
    }

    private void entry(ZipOutputStream zip, String name, Object content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(json.writeValueAsBytes(content));
        zip.closeEntry();
    }

    /** Removes the archives written longer ago than {@code playerdesk.privacy.keep-exports}. */
    @Scheduled(initialDelayString = "${playerdesk.privacy.sweep-interval:1h}",
            fixedDelayString = "${playerdesk.privacy.sweep-interval:1h}")
    void scheduledSweep() {
        DatabaseUnavailable.tolerate(log, "Old players' data archives not removed yet", this::sweep);
    }

    /** Removes the archives written longer ago than the setting, file first; answers how many. */
    public int sweep() {
        int removed = 0;
        List<Map.Entry<java.util.UUID, String>> old;
        while (!(old = store.archivesBefore(clock.instant().minus(properties.keepExports()), 100)).isEmpty()) {
            for (Map.Entry<java.util.UUID, String> archive : old) {
                store().delete(archive.getValue());
                store.forgetArchive(archive.getKey());
                removed++;
            }
        }
        return removed;
    }

    @Override
    public void destroy() {
        thread.shutdownNow();
    }
}
