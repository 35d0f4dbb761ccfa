/**
 * The one signer (HMAC-SHA256 with constant-time comparison), signed HTTP requests, and SHA-256
 * fingerprints of secrets and files.
 */
@org.springframework.modulith.NamedInterface("signing")
package org.playerdesk.system.signing;
