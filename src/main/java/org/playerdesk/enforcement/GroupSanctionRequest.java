package org.playerdesk.enforcement;

import java.util.List;
import java.util.UUID;

/**
 * A GM asks to sanction accounts of the linked group of {@code accountId}: every account of
 * {@code accounts} (each must belong to the group) gets a violation of {@code type} with this
 * {@code severity} (blank: normal) and {@code note}. {@code requestKey} is made once when the review
 * page is shown, so that a double submit finds the first sanction instead of making a second one.
 */
public record GroupSanctionRequest(UUID gameId, String accountId, List<String> accounts, String type,
        String severity, String note, String requestKey) {
}
