package org.playerdesk.survey.internal;

import java.time.Clock;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.ticket.TicketDetails;
import org.playerdesk.ticket.TicketQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Emails the survey of an email ticket to the player, in the player's language (the ticket's
 * {@code language} if the channel gave one, else the game's), with the question and a signed link
 * to the help center's survey page. Sent once: the survey is marked mailed in the same transaction
 * (a mail server out of reach fails the listener, the publication registry hands the ask over
 * again, and the mark is undone with it). An installation without a mail server sends nothing.
 */
@Component
class SurveyMails {

    private static final Logger log = LoggerFactory.getLogger(SurveyMails.class);

    private final SurveyStore surveys;
    private final SurveySettingsStore settings;
    private final TicketQueries tickets;
    private final PlayerDirectory players;
    private final GameCatalog games;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final SurveyProperties properties;
    private final Clock clock;

    SurveyMails(SurveyStore surveys, SurveySettingsStore settings, TicketQueries tickets, PlayerDirectory players,
            GameCatalog games, ObjectProvider<JavaMailSender> mail, MessageSource messages,
            SurveyProperties properties, Clock clock) {
        this.surveys = surveys;
        this.settings = settings;
        this.tickets = tickets;
        this.players = players;
        this.games = games;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where the player of this ticket reads email: the ticket's contact address, else the player's. */
    String address(TicketDetails details) {
        if (StringUtils.hasText(details.contactEmail())) {
            return details.contactEmail();
        }
        String known = players.get(details.ticket().playerId()).contactEmail();
        return StringUtils.hasText(known) ? known : null;
    }

    @ApplicationModuleListener
    void on(SurveyAsked asked) throws MessagingException {
        if (asked.channel() != SurveyChannel.EMAIL) {
            return;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.warn("A survey is not emailed: no mail server is configured (spring.mail.host)");
            return;
        }
        SurveyRow survey = surveys.byId(asked.surveyId()).orElse(null);
        if (survey == null || survey.answered() || !surveys.mailed(survey.id(), clock.instant())) {
            return; // answered meanwhile, or sent already
        }
        TicketDetails details = tickets.details(survey.ticketId(), true);
        String address = address(details);
        if (address == null) {
            return;
        }
        GameInfo game = games.get(survey.gameId());
        Locale locale = locale(details, game);
        String token = SurveyTokens.sign(survey.id(), SurveyChannel.EMAIL, survey.expiresAt(), survey.secret());
        String link = properties.publicUrl() + "/help/" + game.code() + "/survey/" + token;
        String number = String.valueOf(details.ticket().number());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(address);
        helper.setSubject(messages.getMessage("survey.mail.subject", new Object[] { game.name(), number }, locale));
        helper.setText(messages.getMessage("survey.mail.body", new Object[] { number, details.ticket().subject(),
                settings.of(game.id()).question(locale), link, settings.of(game.id()).validDays() }, locale));
        sender.send(message);
        log.info("Survey of ticket {} emailed", survey.ticketId());
    }

    private static Locale locale(TicketDetails details, GameInfo game) {
        for (String key : java.util.List.of("language", "lang", "locale")) {
            String tag = details.metadata().get(key);
            if (StringUtils.hasText(tag)) {
                return Locales.supported(tag);
            }
        }
        return Locales.supported(game.defaultLocale());
    }
}
