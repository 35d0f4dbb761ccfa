/**
 * Secrets at rest: every stored credential (connector and webhook secrets, mailbox passwords,
 * platform tokens) is sealed with AES-256-GCM under a key from configuration, the key's id written
 * in front of the value so that keys can rotate. Entities use {@link org.playerdesk.system.secrets.SealedSecret};
 * stores written with JDBC call {@link org.playerdesk.system.secrets.Secrets} and name their columns as
 * {@link org.playerdesk.system.secrets.SecretColumn} beans, which the start-up check and rewrite read.
 */
@org.springframework.modulith.NamedInterface("secrets")
package org.playerdesk.system.secrets;
