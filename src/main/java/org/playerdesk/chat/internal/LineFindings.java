package org.playerdesk.chat.internal;

import java.util.ArrayList;
import java.util.List;

import org.playerdesk.system.validation.Texts;
import org.playerdesk.ticket.ReplyReview;

/**
 * What the reply checks found in an agent's chat line, as the line keeps it until its ticket has
 * it ({@code chat_message.findings}): one finding per line, its code, whether it blocks and its
 * evidence, separated by tabs.
 */
public final class LineFindings {

    static final int MAX = 2000;

    private LineFindings() {
    }

    /** The findings as kept; null for none. */
    public static String encode(List<ReplyReview.Finding> findings) {
        if (findings == null || findings.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (ReplyReview.Finding finding : findings) {
            String evidence = finding.evidence() == null ? "" : finding.evidence().replaceAll("[\\t\\r\\n]+", " ");
            String line = finding.code() + "\t" + finding.blocks() + "\t" + Texts.abbreviate(evidence, 200) + "\n";
            if (text.length() + line.length() > MAX) {
                break;
            }
            text.append(line);
        }
        return text.toString();
    }

    public static List<ReplyReview.Finding> decode(String text) {
        List<ReplyReview.Finding> findings = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return findings;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", 3);
            if (parts.length == 3) {
                findings.add(new ReplyReview.Finding(parts[0], Boolean.parseBoolean(parts[1]), parts[2]));
            }
        }
        return findings;
    }

    /** Both lists, each finding once. */
    public static List<ReplyReview.Finding> plus(List<ReplyReview.Finding> kept, List<ReplyReview.Finding> more) {
        List<ReplyReview.Finding> all = new ArrayList<>(kept);
        more.stream().filter(finding -> !all.contains(finding)).forEach(all::add);
        return all;
    }
}
