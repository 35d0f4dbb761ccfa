package org.playerdesk.training.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffMember;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.files.FileStore;
import org.playerdesk.system.files.FileStores;
import org.playerdesk.system.files.FileTypes;
import org.playerdesk.system.files.StoredFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * A course's own files beside its articles (a handbook, slides, a recording): added and removed
 * by leads, read by whoever the course is for. Kept in the file store's {@code training-files}
 * area; what a file is comes from its first bytes, as for ticket attachments (images, PDF, ZIP
 * (office documents are ZIP), MP4, text), never from its name or the type the browser claims.
 */
@Component
@Transactional
class CourseFiles {

    /** Enough of a file's first bytes to tell its type. */
    private static final int SNIFFED = 16;

    /** A course's file as its page lists it. */
    record CourseFile(UUID id, UUID courseId, String name, String contentType, long size, String sha256,
            String storageKey, Instant addedAt) {
    }

    /** A file and its content, to send. */
    record Served(CourseFile file, Resource content) {
    }

    private final JdbcTemplate jdbc;
    private final TrainingCatalog catalog;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxSize;

    CourseFiles(JdbcTemplate jdbc, TrainingCatalog catalog, FileStores stores, AuditLog audit, Clock clock,
            @Value("${playerdesk.training.file-max-size:10MB}") DataSize maxSize) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.files = stores.area("training-files");
        this.audit = audit;
        this.clock = clock;
        this.maxSize = maxSize.toBytes();
    }

    /** Adds a file of {@code size} bytes to the course; a lead's, audited. Refused under {@code file}. */
    CourseFile add(UUID courseId, String fileName, long size, InputStream content, StaffMember by) throws IOException {
        Trainees.requireLead(by);
        Course course = catalog.course(courseId, by);
        if (content == null || size <= 0) {
            throw InvalidInput.of("file", "invalid.fileEmpty");
        }
        if (size > maxSize) {
            throw new PayloadTooLarge("invalid.fileTooLarge", maxSize / (1024 * 1024));
        }
        String name = FileTypes.safeName(fileName);
        BufferedInputStream in = new BufferedInputStream(content, SNIFFED);
        in.mark(SNIFFED);
        String type = FileTypes.attachment(in.readNBytes(SNIFFED), name);
        if (type == null) {
            throw InvalidInput.of("file", "invalid.fileType");
        }
        in.reset();
        StoredFile stored = files.put(in);
        CourseFile file = new CourseFile(Ids.next(), course.id(), name, type, stored.size(), stored.sha256(),
                stored.key(), clock.instant());
        jdbc.update("insert into training_course_file (id, course_id, name, content_type, size_bytes, sha256, "
                + "storage_key, added_by, added_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", file.id(), file.courseId(),
                file.name(), file.contentType(), file.size(), file.sha256(), file.storageKey(), by.id(),
                OffsetDateTime.ofInstant(file.addedAt(), ZoneOffset.UTC));
        audit.record(by, null, "training.course.file.add", "training_course", course.id().toString(), name);
        return file;
    }

    /** The course's files, oldest first, for whoever may read the course. */
    @Transactional(readOnly = true)
    List<CourseFile> of(UUID courseId, StaffMember reader) {
        catalog.course(courseId, reader);
        return jdbc.query("select id, course_id, name, content_type, size_bytes, sha256, storage_key, added_at "
                + "from training_course_file where course_id = ? order by added_at, id", (row, n) -> new CourseFile(
                        row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                        row.getLong(5), row.getString(6), row.getString(7),
                        row.getObject(8, OffsetDateTime.class).toInstant()), courseId);
    }

    /** A file of the course and its content, for whoever may read the course; anything else is absent. */
    @Transactional(readOnly = true)
    Served serve(UUID courseId, UUID fileId, StaffMember reader) {
        CourseFile file = find(courseId, fileId, reader);
        Resource content = files.get(file.storageKey()).orElseThrow(() -> new NotFoundException("file", fileId));
        return new Served(file, content);
    }

    /** Removes a file from the course (and from the store once the removal is committed); a lead's, audited. */
    void remove(UUID courseId, UUID fileId, StaffMember by) {
        Trainees.requireLead(by);
        CourseFile file = find(courseId, fileId, by);
        jdbc.update("delete from training_course_file where id = ?", fileId);
        audit.record(by, null, "training.course.file.remove", "training_course", courseId.toString(), file.name());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                files.delete(file.storageKey());
            }
        });
    }

    private CourseFile find(UUID courseId, UUID fileId, StaffMember reader) {
        Optional<CourseFile> found = of(courseId, reader).stream().filter(f -> f.id().equals(fileId)).findFirst();
        return found.orElseThrow(() -> new NotFoundException("file", fileId));
    }
}
