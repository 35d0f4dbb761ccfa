package org.playerdesk.workforce.internal.staff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffPasswords;
import org.playerdesk.access.StaffRole;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.notification.Notifications;
import org.playerdesk.routing.AgentSkills;
import org.playerdesk.routing.RoutingSetup;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The staff page's one form: a member's name, sign-in email (single sign-on), role, games, teams, tier, languages and capacity,
 * saved through the modules that own each (access, workforce's teams, routing) in one transaction:
 * every part is tried, every bad field reported at once, and nothing is kept when any is bad.
 */
@Service
@EnableConfigurationProperties(StaffMailSettings.class)
class StaffEditing {

    /** What the form sends, as text: ids of games and teams, codes of the role and tier. */
    record StaffForm(String displayName, String signInEmail, String role, List<String> games, List<String> teams,
            String tier, String languages, String capacity) {

        public boolean serves(UUID gameId) {
            return games != null && games.contains(gameId.toString());
        }

        public boolean inTeam(UUID teamId) {
            return teams != null && teams.contains(teamId.toString());
        }
    }

    /** The order the form shows its fields in, for the errors. */
    private static final List<String> FIELDS = List.of("displayName", "signInEmail", "role", "games", "teams", "tier", "languages",
            "capacity");

    private final StaffDirectory staff;
    private final StaffPasswords passwords;
    private final Teams teams;
    private final RoutingSetup routing;
    private final GameCatalog games;
    private final Notifications notifications;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final StaffMailSettings settings;

    StaffEditing(StaffDirectory staff, StaffPasswords passwords, Teams teams, RoutingSetup routing, GameCatalog games,
            Notifications notifications, ObjectProvider<JavaMailSender> mail, MessageSource messages,
            StaffMailSettings settings) {
        this.staff = staff;
        this.passwords = passwords;
        this.teams = teams;
        this.routing = routing;
        this.games = games;
        this.notifications = notifications;
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
    }

    /** The form as the member stands now. */
    @Transactional(readOnly = true)
    StaffForm current(UUID staffId) {
        StaffMember member = staff.get(staffId);
        AgentSkills skills = routing.skills(staffId);
        List<String> teamIds = teams.all().stream().filter(t -> t.memberIds().contains(staffId))
                .map(t -> t.id().toString()).toList();
        return new StaffForm(member.displayName(), staff.signInEmail(staffId).orElse(""), member.role().code(),
                member.gameIds().stream().map(UUID::toString).toList(), teamIds,
                skills.tierSet() ? skills.tier().code() : "", String.join(", ", skills.languages()),
                String.valueOf(skills.capacity()));
    }

    /**
     * Saves the whole form or nothing. Each owner checks its part; their refusals are gathered
     * and thrown together, which undoes whatever the other parts wrote in this transaction.
     */
    @Transactional
    StaffMember save(UUID staffId, StaffForm form, StaffMember by) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        StaffRole role = Codes.read("role", form.role(), StaffRole.class, null, errors);
        Set<UUID> gameIds = known("games", form.games(), games.all().stream().map(GameInfo::id).toList(), errors);
        Set<UUID> teamIds = known("teams", form.teams(), teams.all().stream().map(TeamView::id).toList(), errors);
        Integer capacity = null;
        if (form.capacity() != null && !form.capacity().isBlank()) {
            try {
                capacity = Integer.valueOf(form.capacity().strip());
            } catch (NumberFormatException e) {
                errors.add(new InvalidInput.FieldError("capacity", "invalid.wholeNumber"));
            }
        }
        boolean capacityUnreadable = errors.stream().anyMatch(e -> e.field().equals("capacity"));
        errors.addAll(staff.checkChange(staffId, form.displayName(), role));
        errors.addAll(staff.checkSignInEmail(staffId, form.signInEmail()));
        AgentSkills skills = routing.skills(staffId);
        if (errors.isEmpty()) {
            tryPart(errors, () -> staff.change(staffId, form.displayName(), role, gameIds, by));
            tryPart(errors, () -> staff.changeSignInEmail(staffId, form.signInEmail(), by));
            tryPart(errors, () -> teams.place(staffId, teamIds, by));
        }
        Integer checkedCapacity = capacity;
        tryPart(errors, () -> routing.changeSkills(staffId, form.tier(), form.languages(), checkedCapacity,
                skills.timeZone(), skills.weeklyShifts(), skills.exceptions(), by));
        if (capacityUnreadable) {
            // routing read no number and says so too; the form's own reason is the one to show
            errors.removeIf(e -> e.field().equals("capacity") && !e.key().equals("invalid.wholeNumber"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.stream()
                    .sorted(java.util.Comparator.comparingInt(e -> FIELDS.indexOf(e.field()) < 0 ? FIELDS.size()
                            : FIELDS.indexOf(e.field())))
                    .toList());
        }
        return staff.get(staffId);
    }

    /** Emails the member a one-time link to set a new password, in their language. */
    @Transactional
    void sendResetLink(UUID staffId, StaffMember by) {
        StaffMember member = staff.get(staffId);
        String address = notifications.emailChoice(staffId).address();
        if (address == null) {
            throw new RuleViolation("staff.reset.no-address", "the member has given no email address");
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new RuleViolation("staff.reset.no-mail", "no mail server is configured");
        }
        StaffPasswords.ResetLink link = passwords.issueLink(staffId, settings.resetLinkValid(), by);
        Locale locale = Locales.supported(member.locale());
        String url = settings.publicUrl() + "/reset-password?token=" + link.token();
        long hours = Math.max(1, settings.resetLinkValid().toHours());
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(settings.mailFrom());
            helper.setTo(address);
            helper.setSubject(messages.getMessage("staff.mail.reset.subject", null, locale));
            helper.setText(messages.getMessage("staff.mail.reset.body",
                    new Object[] { member.displayName(), by.displayName(), url, hours }, locale));
            sender.send(message);
        } catch (MessagingException | MailException e) {
            // the link is not kept when it could not be sent (the transaction is undone)
            throw new RuleViolation("staff.reset.not-sent", "the email could not be sent");
        }
    }

    /** A temporary password for the member, to show once to the administrator. */
    @Transactional
    String temporaryPassword(UUID staffId, StaffMember by) {
        return passwords.issueTemporary(staffId, by);
    }

    /** The game names by id, for every game (archived ones too). */
    @Transactional(readOnly = true)
    Map<UUID, String> gameNames() {
        return games.all().stream().collect(Collectors.toMap(GameInfo::id, GameInfo::name));
    }

    private static Set<UUID> known(String field, List<String> chosen, List<UUID> existing,
            List<InvalidInput.FieldError> errors) {
        Map<String, UUID> byText = existing.stream().collect(Collectors.toMap(UUID::toString, Function.identity()));
        Set<UUID> found = new LinkedHashSet<>();
        for (String id : chosen == null ? List.<String>of() : chosen) {
            UUID known = byText.get(id);
            if (known == null) {
                errors.add(new InvalidInput.FieldError(field, "games".equals(field) ? "invalid.game" : "invalid.team"));
                break;
            }
            found.add(known);
        }
        return found;
    }

    private static void tryPart(List<InvalidInput.FieldError> errors, Runnable part) {
        try {
            part.run();
        } catch (InvalidInput invalid) {
            errors.addAll(invalid.errors());
        }
    }
}
