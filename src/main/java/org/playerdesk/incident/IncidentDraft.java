package org.playerdesk.incident;

/**
 * An incident as staff write it: a title, and optionally a description, the affected servers
 * (区服, comma separated) and the public notice in Chinese and in English.
 */
public record IncidentDraft(String title, String description, String servers, String noticeZh, String noticeEn) {
}
