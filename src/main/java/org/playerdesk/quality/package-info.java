/**
 * Quality (质检): the automatic checks of every agent reply against the seeds' service wording
 * (forbidden phrases 服务忌语, vague words, greeting and closing, the honorific 您, interrupting
 * the player, length), each a {@link org.playerdesk.quality.ReplyCheck} with a severity
 * (warn or block), run by {@link org.playerdesk.quality.internal.ReplyChecker} on a
 * {@link org.playerdesk.quality.ReplyDraft} (docs/quality.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Quality")
package org.playerdesk.quality;
