package org.playerdesk.outreach;

import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffMember;

/**
 * Campaigns from the draft to the end: the segment's size before sending, the draft, start (the
 * recipients are fixed then, in one transaction), pause, resume, cancel, progress; each player's
 * contact preferences (opt-outs per channel) and each game's outreach settings. Every command
 * checks that the member serves the game and refuses a move the campaign's state does not allow
 * ({@code RuleViolation} with code {@code outreach.state}).
 */
public interface Campaigns {

    /** How many of the game's players the segment reaches now. */
    int preview(UUID gameId, Segment segment, StaffMember by);

    CampaignView draft(UUID gameId, CampaignDraft draft, StaffMember by);

    CampaignView start(UUID campaignId, StaffMember by);

    CampaignView pause(UUID campaignId, StaffMember by);

    CampaignView resume(UUID campaignId, StaffMember by);

    CampaignView cancel(UUID campaignId, StaffMember by);

    /**
     * A lead queues the campaign's interrupted recipients again: the ones a node died sending to, who
     * may or may not have had the message. A finished campaign runs again for them; a cancelled one
     * is refused ({@code outreach.state}); only supervisors and administrators may. Audited.
     */
    CampaignView resendInterrupted(UUID campaignId, StaffMember by);

    CampaignView get(UUID campaignId, StaffMember by);

    /** The newest campaigns of the games the member serves. */
    List<CampaignView> recent(StaffMember by);

    /** One page (50) of a campaign's recipients, in one state or all. */
    List<RecipientView> recipients(UUID campaignId, RecipientState state, int page, StaffMember by);

    ContactPreferences preferences(UUID playerId, StaffMember by);

    /** Changes a player's phone, language, time zone and opt-outs; refused field by field. */
    ContactPreferences changePreferences(UUID playerId, ContactForm form, StaffMember by);

    OutreachSettings settings(UUID gameId, StaffMember by);

    OutreachSettings changeSettings(OutreachSettings settings, StaffMember by);
}
