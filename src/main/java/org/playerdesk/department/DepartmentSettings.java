package org.playerdesk.department;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.departments.*} (docs/departments.md).
 *
 * @param publicUrl the address departments' systems reach PlayerDesk at, for the one-time answer
 *        URL of a webhook (default {@code http://localhost:8080})
 * @param sweepInterval how often open questions are checked against their deadline (default 1 minute)
 * @param businessHours the working week a department with "business hours only" counts its deadline in
 * @param mail the email sent to departments and the mailbox their replies are read from
 * @param webhook timeouts of the webhook call
 */
@ConfigurationProperties("playerdesk.departments")
public record DepartmentSettings(String publicUrl, Duration sweepInterval, BusinessHours businessHours, Mail mail,
        Webhook webhook) {

    public DepartmentSettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
        businessHours = businessHours == null ? new BusinessHours(null, null, null, null) : businessHours;
        mail = mail == null ? new Mail(null, null, null) : mail;
        webhook = webhook == null ? new Webhook(null, null) : webhook;
    }

    /**
     * @param zone the time zone of the working day (default Asia/Shanghai)
     * @param start when the working day starts (default 09:00)
     * @param end when it ends (default 18:00)
     * @param days the working days (default Monday to Friday)
     */
    public record BusinessHours(ZoneId zone, LocalTime start, LocalTime end, Set<DayOfWeek> days) {
        public BusinessHours {
            zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
            start = start == null ? LocalTime.of(9, 0) : start;
            end = end == null ? LocalTime.of(18, 0) : end;
            days = days == null || days.isEmpty() ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)
                    : EnumSet.copyOf(days);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("playerdesk.departments.business-hours: end must be after start");
            }
        }
    }

    /**
     * @param from the sender of questions (default {@code playerdesk@localhost})
     * @param replyTo the address departments reply to: the mailbox read through {@code imap}
     *        (default: {@code from})
     * @param imap the mailbox replies are read from; off by default
     */
    public record Mail(String from, String replyTo, Imap imap) {
        public Mail {
            from = from == null || from.isBlank() ? "playerdesk@localhost" : from.strip();
            replyTo = replyTo == null || replyTo.isBlank() ? from : replyTo.strip();
            imap = imap == null ? new Imap(false, null, null, null, null, false, null, null) : imap;
        }
    }

    /**
     * @param enabled whether the mailbox is read at all (default false)
     * @param host the IMAP server
     * @param port its port (default 993 with SSL, 143 without)
     * @param username the mailbox user
     * @param password its password (never logged)
     * @param ssl whether to connect with TLS from the start (imaps)
     * @param folder the folder read (default INBOX)
     * @param pollInterval how often it is read (default 1 minute)
     */
    public record Imap(boolean enabled, String host, Integer port, String username, String password, boolean ssl,
            String folder, Duration pollInterval) {
        public Imap {
            port = port == null ? (ssl ? 993 : 143) : port;
            folder = folder == null || folder.isBlank() ? "INBOX" : folder;
            pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
        }

        @Override
        public String toString() {
            return "Imap[enabled=" + enabled + ", host=" + host + ", port=" + port + ", username=" + username
                    + ", ssl=" + ssl + ", folder=" + folder + "]";
        }
    }

    /**
     * @param connectTimeout (default 3 s)
     * @param readTimeout (default 10 s)
     */
    public record Webhook(Duration connectTimeout, Duration readTimeout) {
        public Webhook {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
        }
    }
}
