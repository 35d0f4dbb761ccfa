/**
 * Files: the one file store, of the kind {@code playerdesk.files.store} names (folders under the
 * data dir, the database, or S3-compatible object storage), the migration between them, and what a
 * file is, from its first bytes.
 */
@org.springframework.modulith.NamedInterface("files")
package org.playerdesk.system.files;
