package org.playerdesk.insight.schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameProfile;
import org.playerdesk.insight.figures.FigureRollUp;
import org.playerdesk.insight.report.ReportRequest;
import org.playerdesk.insight.report.ReportSource;
import org.playerdesk.insight.report.Table;
import org.playerdesk.notification.Notifications;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.retry.Retries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute: plans the runs of the subscriptions that are due, makes the daily reports whose
 * day has ended, and sends the emails not sent yet. Safe on several nodes: a subscription is
 * claimed by moving its {@code next_run_at} on with the old value in the where clause, a daily
 * report by its unique key, an email by a short lease; an email that fails (the mail server out of
 * reach) keeps its row and is tried again on the next sweep. A node that was down plans one run
 * for the period just ended, not one per missed minute.
 */
@Component
class ReportSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedule.class);

    /** How long a node holds an email it is sending before another may try it. */
    static final Duration LEASE = Duration.ofMinutes(10);
    /** How many emails one sweep sends at most; the rest wait for the next. */
    static final int BATCH = 200;

    /** What one sweep did. */
    record Sweep(int planned, int reports, int sent, int failed) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Subscriptions subscriptions;
    private final DailyReports daily;
    private final DailyView view;
    private final ReportMails mails;
    private final StaffDirectory staff;
    private final Notifications notifications;
    private final FigureRollUp rollUp;
    private final Words words;
    private final RetryTemplate onceMore = Retries.atOnce(2, MailException.class);

    ReportSchedule(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, Subscriptions subscriptions,
            DailyReports daily, DailyView view, ReportMails mails, StaffDirectory staff, Notifications notifications,
            FigureRollUp rollUp, Words words) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.daily = daily;
        this.view = view;
        this.mails = mails;
        this.staff = staff;
        this.notifications = notifications;
        this.rollUp = rollUp;
        this.words = words;
    }

    @Scheduled(initialDelayString = "${playerdesk.insight.schedule.interval:1m}",
            fixedDelayString = "${playerdesk.insight.schedule.interval:1m}")
    void run() {
        DatabaseUnavailable.tolerate(log, "Scheduled and daily reports not sent yet", this::sweep);
    }

    Sweep sweep() {
        Instant now = clock.instant();
        int planned = planSubscriptions(now);
        int reports = makeDailyReports(now);
        if (!mails.available()) {
            return new Sweep(planned, reports, 0, 0);
        }
        int[] outcome = new int[2];
        sendRuns(now, outcome);
        sendDailyReports(now, outcome);
        return new Sweep(planned, reports, outcome[0], outcome[1]);
    }

    /** Each due subscription gets one run for the period just ended, and its next time. */
    private int planSubscriptions(Instant now) {
        record Due(UUID id, Timestamp nextRunAt, Frequency frequency, LocalTime at, ZoneId zone) {
        }
        List<Due> due = jdbc.query("select id, next_run_at, frequency, send_minute, time_zone from insight_subscription "
                + "where next_run_at <= ? order by next_run_at", (row, i) -> new Due(row.getObject(1, UUID.class),
                        row.getTimestamp(2), Frequency.of(row.getString(3)).orElse(Frequency.DAILY),
                        LocalTime.of(row.getInt(4) / 60, row.getInt(4) % 60), Subscriptions.zone(row.getString(5))),
                Timestamp.from(now));
        int planned = 0;
        for (Due subscription : due) {
            ZonedDateTime local = now.atZone(subscription.zone());
            ZonedDateTime next = subscription.frequency().nextRun(local, subscription.at(), subscription.zone());
            LocalDate[] period = subscription.frequency().periodBefore(lastSendingDay(subscription.frequency(),
                    local, subscription.at()));
            Boolean claimed = transaction.execute(status -> {
                if (jdbc.update("update insight_subscription set next_run_at = ? where id = ? and next_run_at = ?",
                        Timestamp.from(next.toInstant()), subscription.id(), subscription.nextRunAt()) == 0) {
                    return false;
                }
                Integer runs = jdbc.queryForObject("select count(*) from insight_subscription_run where "
                        + "subscription_id = ? and period_from = ?", Integer.class, subscription.id(), period[0]);
                if (runs == 0) {
                    jdbc.update("insert into insight_subscription_run (id, subscription_id, period_from, period_to, "
                            + "created_at, attempts) values (?, ?, ?, ?, ?, 0)", org.playerdesk.system.entity.Ids.next(),
                            subscription.id(), period[0], period[1], Timestamp.from(now));
                }
                return runs == 0;
            });
            if (Boolean.TRUE.equals(claimed)) {
                planned++;
            }
        }
        return planned;
    }

    /** The last local day, on or before {@code local}, whose sending time has come. */
    static LocalDate lastSendingDay(Frequency frequency, ZonedDateTime local, LocalTime at) {
        LocalDate day = local.toLocalDate();
        if (local.toLocalTime().isBefore(at)) {
            day = day.minusDays(1);
        }
        while (!frequency.sendingDayFrom(day).equals(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    private int makeDailyReports(Instant now) {
        List<GameProfile> due = daily.due(now);
        if (due.isEmpty()) {
            return 0;
        }
        // the day's last events counted before its report is made
        rollUp.rollUp();
        return daily.make(due, now);
    }

    private void sendRuns(Instant now, int[] outcome) {
        record Run(UUID id, UUID staffId, String report, UUID gameId, LocalDate from, LocalDate to, String frequency) {
        }
        List<Run> pending = jdbc.query("select r.id, s.staff_id, s.report, s.game_id, r.period_from, r.period_to, "
                + "s.frequency from insight_subscription_run r join insight_subscription s on s.id = r.subscription_id "
                + "where r.sent_at is null and (r.claimed_until is null or r.claimed_until < ?) order by r.created_at "
                + "limit " + BATCH, (row, i) -> new Run(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getString(3), row.getObject(4, UUID.class), row.getObject(5, LocalDate.class),
                        row.getObject(6, LocalDate.class), row.getString(7)), Timestamp.from(now));
        for (Run run : pending) {
            if (!claim("insight_subscription_run", run.id(), now)) {
                continue;
            }
            deliver("insight_subscription_run", run.id(), now, outcome, () -> {
                StaffMember member = staff.get(run.staffId());
                String address = notifications.emailChoice(member.id()).address();
                ReportSource report = subscriptions.report(run.report()).orElse(null);
                if (!member.enabled() || address == null || report == null) {
                    return false;
                }
                StaffUser reader = new StaffUser(member, "");
                // a game the member no longer serves is left out; a subscription to it alone sends nothing
                Set<UUID> games = new HashSet<>();
                if (run.gameId() != null) {
                    if (reader.serves(run.gameId())) {
                        games.add(run.gameId());
                    }
                } else if (reader.gameScope() == null) {
                    daily.allGameIds().forEach(games::add);
                } else {
                    games.addAll(reader.gameScope());
                }
                if (games.isEmpty()) {
                    return false;
                }
                Locale locale = Locales.supported(member.locale());
                Table table = report.table(new ReportRequest(reader, games, run.from(), run.to()), locale);
                mails.sendTable(address, locale, table, words.period(run.from(), run.to(), locale),
                        report.name() + "-" + run.from() + (run.from().equals(run.to()) ? "" : "_" + run.to()));
                return true;
            });
        }
    }

    private void sendDailyReports(Instant now, int[] outcome) {
        record Delivery(UUID id, UUID gameId, LocalDate day, UUID staffId) {
        }
        List<Delivery> pending = jdbc.query("select id, game_id, report_day, staff_id from insight_daily_delivery "
                + "where sent_at is null and (claimed_until is null or claimed_until < ?) order by created_at limit "
                + BATCH, (row, i) -> new Delivery(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, LocalDate.class), row.getObject(4, UUID.class)), Timestamp.from(now));
        for (Delivery delivery : pending) {
            if (!claim("insight_daily_delivery", delivery.id(), now)) {
                continue;
            }
            deliver("insight_daily_delivery", delivery.id(), now, outcome, () -> {
                StaffMember member = staff.get(delivery.staffId());
                String address = notifications.emailChoice(member.id()).address();
                GameProfile game = daily.game(delivery.gameId()).orElse(null);
                if (!member.enabled() || address == null || game == null || !member.serves(game.id())) {
                    return false;
                }
                Locale locale = Locales.supported(member.locale());
                List<DailyReports.Stored> parts = daily.open(new StaffUser(member, ""), game.id(), delivery.day());
                mails.sendDaily(address, locale,
                        view.report(game.id(), game.name(), delivery.day(), parts, clock.instant(), locale));
                return true;
            });
        }
    }

    /** Takes an email for {@link #LEASE}, unless another node took it or sent it. */
    private boolean claim(String table, UUID id, Instant now) {
        return jdbc.update("update " + table + " set claimed_until = ?, attempts = attempts + 1 where id = ? and "
                + "sent_at is null and (claimed_until is null or claimed_until < ?)", Timestamp.from(now.plus(LEASE)),
                id, Timestamp.from(now)) == 1;
    }

    /** What sending one email does: true when sent, false when there was nothing to send any more. */
    private interface Sending {
        boolean send() throws Exception;
    }

    private void deliver(String table, UUID id, Instant now, int[] outcome, Sending sending) {
        try {
            boolean sent = Boolean.TRUE.equals(onceMore.invoke(() -> {
                try {
                    return sending.send();
                } catch (MailException | NotFoundException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
            jdbc.update("update " + table + " set sent_at = ?, claimed_until = null, last_failure = ? where id = ?",
                    Timestamp.from(now), sent ? null : "nothing to send", id);
            if (sent) {
                outcome[0]++;
            }
        } catch (NotFoundException gone) {
            jdbc.update("update " + table + " set sent_at = ?, claimed_until = null, last_failure = ? where id = ?",
                    Timestamp.from(now), "nothing to send", id);
        } catch (RuntimeException failure) {
            // kept for the next sweep
            String reason = DatabaseUnavailable.rootMessage(failure);
            log.warn("A report email was not sent, tried again on the next sweep: {}", reason);
            jdbc.update("update " + table + " set claimed_until = null, last_failure = ? where id = ?",
                    reason == null ? null : reason.substring(0, Math.min(300, reason.length())), id);
            outcome[1]++;
        }
    }
}
