package org.playerdesk.outreach.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffMember;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.incident.IncidentView;
import org.playerdesk.incident.Incidents;
import org.playerdesk.incident.LinkedTicket;
import org.playerdesk.outreach.CampaignDraft;
import org.playerdesk.outreach.CampaignState;
import org.playerdesk.outreach.CampaignView;
import org.playerdesk.outreach.Campaigns;
import org.playerdesk.outreach.ContactForm;
import org.playerdesk.outreach.ContactPreferences;
import org.playerdesk.outreach.OutreachChannel;
import org.playerdesk.outreach.OutreachSettings;
import org.playerdesk.outreach.RecipientState;
import org.playerdesk.outreach.RecipientView;
import org.playerdesk.outreach.Segment;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSegments;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.ticket.PlayerContacts;
import org.playerdesk.vip.VipPlayerView;
import org.playerdesk.vip.VipService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/** {@link Campaigns}: the commands, each in one transaction. */
@Service
@EnableConfigurationProperties(OutreachProperties.class)
class CampaignDesk implements Campaigns {

    static final int PAGE = 50;
    private static final int READ = 5_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CampaignStore store;
    private final ContactStore contacts;
    private final PlayerSegments segments;
    private final PlayerDirectory players;
    private final PlayerContacts tickets;
    private final Incidents incidents;
    private final VipService vip;
    private final GameCatalog games;
    private final InputValidation validation;
    private final JsonMapper json;
    private final AuditLog audit;
    private final java.time.Clock clock;

    CampaignDesk(CampaignStore store, ContactStore contacts, PlayerSegments segments, PlayerDirectory players,
            PlayerContacts tickets, Incidents incidents, VipService vip, GameCatalog games, InputValidation validation,
            JsonMapper json, AuditLog audit, java.time.Clock clock) {
        this.audit = audit;
        this.store = store;
        this.contacts = contacts;
        this.segments = segments;
        this.players = players;
        this.tickets = tickets;
        this.incidents = incidents;
        this.vip = vip;
        this.games = games;
        this.validation = validation;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public int preview(UUID gameId, Segment segment, StaffMember by) {
        allowed(gameId, by);
        return members(gameId, validation.check(segment)).size();
    }

    @Override
    @Transactional
    public CampaignView draft(UUID gameId, CampaignDraft draft, StaffMember by) {
        allowed(gameId, by);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(draft));
        if (draft.channel() == OutreachChannel.EMAIL) {
            if (draft.subjectZh() == null) {
                errors.add(new InvalidInput.FieldError("subjectZh", "invalid.blank"));
            }
            if (draft.subjectEn() == null) {
                errors.add(new InvalidInput.FieldError("subjectEn", "invalid.blank"));
            }
        }
        if (errors.isEmpty() && draft.segment().incidentId() != null) {
            IncidentView incident = incidentOrNull(draft.segment().incidentId());
            if (incident == null || !incident.gameId().equals(gameId)) {
                errors.add(new InvalidInput.FieldError("segment.incidentId", "invalid.invalid"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(CampaignDraft.class, errors));
        }
        UUID id = Ids.next();
        store.insert(new CampaignStore.CampaignRow(id, gameId, draft.name(), draft.channel(), CampaignState.DRAFT,
                json.writeValueAsString(draft.segment()), draft.subjectZh(), draft.textZh(), draft.subjectEn(),
                draft.textEn(), newSecret(), 0, by.username(), clock.instant(), null, null));
        return view(id);
    }

    /**
     * Fixes the recipients from the segment as it is now, in one transaction with the move to
     * running: a player already opted out of the channel, or without an address on it, is recorded
     * as such and not queued.
     */
    @Override
    @Transactional
    public CampaignView start(UUID campaignId, StaffMember by) {
        CampaignStore.CampaignRow campaign = campaign(campaignId, by);
        if (campaign.state() != CampaignState.DRAFT) {
            throw new RuleViolation("outreach.state", "only a draft is started; the campaign is " + campaign.state().code());
        }
        move(campaign, CampaignState.RUNNING);
        GameProfile game = games.profile(campaign.gameId());
        Segment segment = json.readValue(campaign.segment(), Segment.class);
        List<PlayerSegments.Member> members = members(campaign.gameId(), segment);
        Map<UUID, ContactPreferences> prefs = contacts.ofGame(campaign.gameId());
        Instant now = clock.instant();
        List<CampaignStore.NewRecipient> batch = new ArrayList<>(1_000);
        for (PlayerSegments.Member m : members) {
            ContactPreferences p = prefs.get(m.playerId());
            String address = switch (campaign.channel()) {
                case EMAIL -> m.contactEmail();
                case SMS -> p == null ? null : p.phone();
                case IN_GAME -> m.accountId();
            };
            RecipientState state = RecipientState.QUEUED;
            String reason = null;
            if (p != null && p.optedOut(campaign.channel())) {
                state = RecipientState.OPTED_OUT;
                reason = "opted out";
            } else if (address == null || address.isBlank()) {
                state = RecipientState.SKIPPED;
                reason = "no address";
            }
            batch.add(new CampaignStore.NewRecipient(Ids.next(), m.playerId(), m.accountId(), address,
                    locale(p == null ? null : p.locale(), game.defaultLocale()),
                    zone(p == null ? null : p.timeZone(), game.zone()), state, reason));
            if (batch.size() == 1_000) {
                store.insertRecipients(campaignId, batch, now);
                batch.clear();
            }
        }
        store.insertRecipients(campaignId, batch, now);
        store.recipientsCounted(campaignId, members.size());
        return view(campaignId);
    }

    @Override
    @Transactional
    public CampaignView pause(UUID campaignId, StaffMember by) {
        move(campaign(campaignId, by), CampaignState.PAUSED);
        return view(campaignId);
    }

    @Override
    @Transactional
    public CampaignView resume(UUID campaignId, StaffMember by) {
        move(campaign(campaignId, by), CampaignState.RUNNING);
        return view(campaignId);
    }

    /** Ends the campaign: nobody still queued gets the message (recorded as skipped). */
    @Override
    @Transactional
    public CampaignView cancel(UUID campaignId, StaffMember by) {
        move(campaign(campaignId, by), CampaignState.CANCELLED);
        store.skipQueued(campaignId, "cancelled");
        return view(campaignId);
    }

    /**
     * Queues the campaign's interrupted recipients again (a lead's decision: each may have had the
     * message already). A finished campaign runs again to send them; a paused one sends them when it
     * is resumed; a cancelled one is refused. Audited, with how many were queued.
     */
    @Override
    @Transactional
    public CampaignView resendInterrupted(UUID campaignId, StaffMember by) {
        CampaignStore.CampaignRow campaign = campaign(campaignId, by);
        if (!by.role().leads()) {
            throw new AccessDeniedException("resending is for leads");
        }
        if (campaign.state() == CampaignState.DRAFT || campaign.state() == CampaignState.CANCELLED) {
            throw new RuleViolation("outreach.state", "the campaign is " + campaign.state().code()
                    + ", its interrupted recipients are not sent again");
        }
        int queued = store.resendInterrupted(campaignId, clock.instant());
        if (queued > 0 && campaign.state() == CampaignState.FINISHED && !store.reopen(campaignId)) {
            throw new RuleViolation("outreach.state", "the campaign changed meanwhile");
        }
        audit.record(by, campaign.gameId(), "outreach.resend", "campaign", campaignId.toString(),
                queued + " interrupted recipients queued again in " + campaign.name());
        return view(campaignId);
    }

    @Override
    @Transactional(readOnly = true)
    public CampaignView get(UUID campaignId, StaffMember by) {
        campaign(campaignId, by);
        return view(campaignId);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CampaignView> recent(StaffMember by) {
        Set<UUID> scope = by.role().seesAllGames()
                ? games.profiles().stream().map(GameProfile::id).collect(Collectors.toSet())
                : by.gameIds();
        return store.ofGames(scope, 100).stream().map(c -> view(c, store.progress(c.id()))).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<RecipientView> recipients(UUID campaignId, RecipientState state, int page, StaffMember by) {
        campaign(campaignId, by);
        return store.recipients(campaignId, state, Math.max(0, page) * PAGE, PAGE);
    }

    @Override
    @Transactional(readOnly = true)
    public ContactPreferences preferences(UUID playerId, StaffMember by) {
        PlayerSummary player = players.get(playerId);
        allowed(player.gameId(), by);
        return contacts.of(playerId).orElse(new ContactPreferences(playerId, null, null, null, false, false, false));
    }

    @Override
    @Transactional
    public ContactPreferences changePreferences(UUID playerId, ContactForm form, StaffMember by) {
        PlayerSummary player = players.get(playerId);
        allowed(player.gameId(), by);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(form));
        if (form.timeZone() != null && !validZone(form.timeZone())) {
            errors.add(new InvalidInput.FieldError("timeZone", "invalid.timeZone"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(ContactForm.class, errors));
        }
        ContactPreferences prefs = new ContactPreferences(playerId, form.phone(), form.locale(), form.timeZone(),
                form.emailOptOut(), form.inGameOptOut(), form.smsOptOut());
        contacts.save(player.gameId(), prefs, by.username(), clock.instant());
        return prefs;
    }

    @Override
    @Transactional(readOnly = true)
    public OutreachSettings settings(UUID gameId, StaffMember by) {
        allowed(gameId, by);
        return contacts.settings(gameId);
    }

    @Override
    @Transactional
    public OutreachSettings changeSettings(OutreachSettings s, StaffMember by) {
        allowed(s.gameId(), by);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        range(errors, "emailPerMinute", s.emailPerMinute(), 0, 100_000);
        range(errors, "inGamePerMinute", s.inGamePerMinute(), 0, 100_000);
        range(errors, "smsPerMinute", s.smsPerMinute(), 0, 100_000);
        range(errors, "quietFrom", s.quietFrom(), 0, 23);
        range(errors, "quietUntil", s.quietUntil(), 0, 23);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        contacts.saveSettings(s, clock.instant());
        return s;
    }

    /** The players the segment reaches now, in id order. */
    List<PlayerSegments.Member> members(UUID gameId, Segment segment) {
        Instant now = clock.instant();
        PlayerSegments.Criteria criteria = new PlayerSegments.Criteria(segment.server(), segment.tiers(),
                segment.minSpend(), segment.inactiveDays() == null ? null
                        : now.minus(Duration.ofDays(segment.inactiveDays())),
                segment.playerTags());
        Set<UUID> tagged = segment.ticketTag() == null ? null : tickets.withTicketTag(gameId, segment.ticketTag());
        Set<UUID> ofIncident = segment.incidentId() == null ? null : incidentPlayers(segment.incidentId());
        Map<UUID, Instant> lastTicket = segment.noContactDays() == null ? null : tickets.lastTicketAt(gameId);
        Instant contactBefore = segment.noContactDays() == null ? null
                : now.minus(Duration.ofDays(segment.noContactDays()));
        Set<String> followUps = !segment.vipFollowUpsDue() ? null
                : vip.dueFollowUps(Set.of(gameId), now).stream().map(VipPlayerView::accountId)
                        .collect(Collectors.toSet());
        List<PlayerSegments.Member> found = new ArrayList<>();
        UUID after = null;
        while (true) {
            List<PlayerSegments.Member> page = segments.page(gameId, criteria, after, READ);
            for (PlayerSegments.Member m : page) {
                if ((tagged == null || tagged.contains(m.playerId()))
                        && (ofIncident == null || ofIncident.contains(m.playerId()))
                        && (followUps == null || followUps.contains(m.accountId()))
                        && (lastTicket == null || lastTicket.get(m.playerId()) == null
                                || lastTicket.get(m.playerId()).isBefore(contactBefore))) {
                    found.add(m);
                }
            }
            if (page.size() < READ) {
                return found;
            }
            after = page.getLast().playerId();
        }
    }

    private Set<UUID> incidentPlayers(UUID incidentId) {
        Set<UUID> ticketIds = new HashSet<>();
        for (int page = 0;; page++) {
            List<LinkedTicket> linked = incidents.tickets(incidentId, page);
            linked.forEach(l -> ticketIds.add(l.ticketId()));
            if (linked.size() < Incidents.PAGE_SIZE) {
                break;
            }
        }
        return tickets.ofTickets(ticketIds);
    }

    private IncidentView incidentOrNull(UUID id) {
        try {
            return incidents.get(id);
        } catch (NotFoundException e) {
            return null;
        }
    }

    private void move(CampaignStore.CampaignRow campaign, CampaignState to) {
        if (!campaign.state().canBecome(to) || !store.move(campaign.id(), campaign.state(), to, clock.instant())) {
            throw new RuleViolation("outreach.state", "the campaign is " + campaign.state().code() + ", it cannot become " + to.code());
        }
    }

    private CampaignStore.CampaignRow campaign(UUID id, StaffMember by) {
        CampaignStore.CampaignRow campaign = store.campaign(id).orElseThrow(() -> new NotFoundException("campaign", id));
        allowed(campaign.gameId(), by);
        return campaign;
    }

    private static void allowed(UUID gameId, StaffMember by) {
        if (!by.permissions().contains(Permission.RUN_CAMPAIGNS) || !by.serves(gameId)) {
            throw new AccessDeniedException("campaigns of this game");
        }
    }

    CampaignView view(UUID id) {
        CampaignStore.CampaignRow c = store.campaign(id).orElseThrow(() -> new NotFoundException("campaign", id));
        return view(c, store.progress(id));
    }

    private CampaignView view(CampaignStore.CampaignRow c, Map<RecipientState, Integer> progress) {
        return new CampaignView(c.id(), c.gameId(), c.name(), c.channel(), c.state(),
                json.readValue(c.segment(), Segment.class), c.subjectZh(), c.textZh(), c.subjectEn(), c.textEn(),
                c.recipients(), c.createdBy(), c.createdAt(), c.startedAt(), c.endedAt(), progress,
                store.tracking(c.id()));
    }

    static String locale(String chosen, String gameDefault) {
        String tag = chosen != null ? chosen : gameDefault;
        return tag != null && tag.toLowerCase().startsWith("en") ? "en" : "zh-CN";
    }

    static String zone(String chosen, ZoneId gameZone) {
        return chosen != null && validZone(chosen) ? chosen : gameZone.getId();
    }

    static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static void range(List<InvalidInput.FieldError> errors, String field, int value, int min, int max) {
        if (value < min || value > max) {
            errors.add(new InvalidInput.FieldError(field, "invalid.range", min, max));
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
