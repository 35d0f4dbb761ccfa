/**
 * Files: the one file store (local folders today) and what a file is, from its first bytes.
 */
@org.springframework.modulith.NamedInterface("files")
package org.playerdesk.system.files;
