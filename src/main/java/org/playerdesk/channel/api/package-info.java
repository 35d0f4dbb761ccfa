/**
 * The game API ({@code /api/v1}): game servers report players' tickets, read them back with the
 * public conversation, and pass on players' follow-ups, authenticated by the game's API key.
 * Retries are safe with an {@code Idempotency-Key}; bodies are limited before they are parsed.
 */
package org.playerdesk.channel.api;
