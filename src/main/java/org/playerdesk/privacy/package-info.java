/**
 * Players' data requests and retention (PIPL / GDPR): a player's data exported as a ZIP of JSON
 * files with their attachments, or erased (deleted or anonymised per data kind, keeping what law
 * or the studio's policy requires), each request tracked to its game's deadline; and each game's
 * retention periods, applied by a sweep in batches after a dry run. Each module keeps its own
 * data: it exports and erases it as a {@link org.playerdesk.privacy.PersonalDataHolder} and
 * purges it as a {@link org.playerdesk.privacy.RetentionTarget}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package org.playerdesk.privacy;
