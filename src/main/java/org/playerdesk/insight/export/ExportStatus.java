package org.playerdesk.insight.export;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;

/**
 * An export as its owner's page shows it, and as the page's script reads it again while it runs
 * ({@code GET /console/insight/exports/<id>}): the figures, and the words for them already in the
 * reader's language, so that the script chooses no words.
 */
record ExportStatus(UUID id, String state, long done, Long total, int percent, boolean finished, boolean failed,
        String summary, String text, String download, String statusUrl) {

    static ExportStatus of(ExportJob job, Map<UUID, String> gameNames, MessageSource messages, Locale locale) {
        long total = job.totalRows() == null ? 0 : job.totalRows();
        int percent = job.state() == ExportJob.State.DONE ? 100
                : total == 0 ? 0 : (int) Math.min(99, job.rowsDone() * 100 / total);
        String text = switch (job.state()) {
            case QUEUED -> messages.getMessage("insight.exports.state.queued", null, locale);
            case RUNNING -> job.totalRows() == null ? messages.getMessage("insight.exports.state.counting", null, locale)
                    : messages.getMessage("insight.exports.state.running", new Object[] {job.rowsDone(), total}, locale);
            case DONE -> messages.getMessage("insight.exports.state.done", new Object[] {job.rowsDone()}, locale);
            case FAILED -> messages.getMessage(job.errorKey() == null ? "insight.export.failed.other" : job.errorKey(),
                    null, locale);
        };
        List<String> parts = new java.util.ArrayList<>();
        parts.add(job.games().stream().map(id -> gameNames.getOrDefault(id, "—")).collect(Collectors.joining(", ")));
        parts.add(messages.getMessage("insight.exports.period", new Object[] {job.from().toString(), job.to().toString()},
                locale));
        if (!job.statuses().isEmpty()) {
            parts.add(job.statuses().stream()
                    .map(s -> messages.getMessage("ticket.status." + s.code(), null, locale))
                    .collect(Collectors.joining(", ")));
        }
        if (job.type() != null) {
            parts.add(messages.getMessage("ticket.type." + job.type().code(), null, locale));
        }
        if (job.channel() != null) {
            parts.add(messages.getMessage("ticket.channel." + job.channel().code(), null, locale));
        }
        if (job.personalData()) {
            parts.add(messages.getMessage("insight.exports.unmasked", null, locale));
        }
        String base = "/console/insight/exports/" + job.id();
        return new ExportStatus(job.id(), job.state().name().toLowerCase(Locale.ROOT), job.rowsDone(), job.totalRows(),
                percent, job.finished(), job.state() == ExportJob.State.FAILED, String.join(" · ", parts), text,
                job.state() == ExportJob.State.DONE ? base + "/file" : null, base);
    }
}
