package org.playerdesk.insight.web;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffRole;
import org.playerdesk.access.StaffUser;

/**
 * The insight pages' own navigation (fragment {@code insight/nav :: nav(${insightNav})}): which of
 * the pages the reader may open, by the same rules as the pages' controllers, and which page is
 * shown. Every controller of an insight page puts it in its model as {@code insightNav}, so the
 * template asks no bean. Pages everyone on the console opens (the dashboard, agents' figures,
 * subscriptions, daily reports, raw exports) are always shown.
 *
 * @param current the page shown: {@code dashboard}, {@code agents}, {@code scorecard},
 *     {@code digests}, {@code subscriptions}, {@code daily} or {@code exports}
 */
public record InsightNav(String current, boolean scorecard, boolean digests) {

    public static final String MODEL = "insightNav";

    public static InsightNav of(StaffUser reader, String current) {
        // the scorecard asks ASSIGN_OTHERS (KpiController); digests are for administrators and supervisors
        boolean digests = reader.role() == StaffRole.ADMIN || reader.role() == StaffRole.SUPERVISOR;
        return new InsightNav(current, reader.can(Permission.ASSIGN_OTHERS), digests);
    }
}
