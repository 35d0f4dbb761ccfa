package org.playerdesk.insight.kpi;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.insight.figures.Dimension;
import org.playerdesk.insight.figures.Figures;
import org.playerdesk.insight.figures.Figures.Slice;
import org.playerdesk.insight.figures.Figures.Totals;
import org.playerdesk.insight.figures.Metric;
import org.playerdesk.ticket.TicketChannel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The channel scorecard of seed 002's survey of eight operators: web tickets answered within one
 * hour (full marks) and within thirty minutes (the players' "satisfying" wait), live chats answered
 * within five minutes, phone calls within one minute, complaints closed within 48 hours, and the
 * share of tickets answered on the day they came in. Clock time, as the survey timed it, not the
 * business time of the service levels. The seed gives the limits; a measure is met when at least
 * {@code playerdesk.insight.scorecard.target} (90% unless set) of its contacts were within them.
 */
@Service
public class ChannelScorecard {

    /** One of the seed's measures: what it counts (of which channel; all when null) and its limit. */
    public enum Measure {
        WEB_WITHIN_HOUR(TicketChannel.WEB, Duration.ofHours(1), Metric.CREATED, Metric.RESPONDED_WITHIN_1H),
        WEB_WITHIN_HALF_HOUR(TicketChannel.WEB, Duration.ofMinutes(30), Metric.CREATED, Metric.RESPONDED_WITHIN_30M),
        CHAT_WITHIN_FIVE_MINUTES(TicketChannel.CHAT, Duration.ofMinutes(5), Metric.CHATS,
                Metric.CHATS_ANSWERED_WITHIN_5M),
        PHONE_WITHIN_MINUTE(TicketChannel.PHONE, Duration.ofMinutes(1), Metric.CREATED, Metric.RESPONDED_WITHIN_1M),
        COMPLAINTS_WITHIN_TWO_DAYS(null, Duration.ofHours(48), Metric.COMPLAINTS, Metric.COMPLAINTS_CLOSED_48H),
        SAME_DAY_REPLY(null, null, Metric.CREATED, Metric.REPLIED_SAME_DAY);

        private final TicketChannel channel;
        private final Duration limit;
        private final Metric base;
        private final Metric within;

        Measure(TicketChannel channel, Duration limit, Metric base, Metric within) {
            this.channel = channel;
            this.limit = limit;
            this.base = base;
            this.within = within;
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public TicketChannel channel() {
            return channel;
        }

        /** The seed's limit; null for the same-day reply, whose limit is the end of the game's day. */
        public Duration limit() {
            return limit;
        }

        /** Live chats are counted from the chats themselves, not from tickets of the chat channel. */
        boolean fromChats() {
            return base == Metric.CHATS;
        }
    }

    /** How a measure did: how many contacts, how many within the limit, the share, and whether met. */
    public record Score(Measure measure, long contacts, long within, Double rate, Boolean met) {
    }

    /** A channel's rates: tickets created, and the shares answered within each limit and on the day. */
    public record ChannelRates(TicketChannel channel, long created, Double withinMinute, Double withinFiveMinutes,
            Double withinHalfHour, Double withinHour, Double sameDay, long complaints, Double complaintsClosed) {
    }

    /** A game's scorecard for a period. */
    public record Card(UUID gameId, List<Score> scores, List<ChannelRates> channels) {
    }

    private final Figures figures;
    private final double target;

    ChannelScorecard(Figures figures, @Value("${playerdesk.insight.scorecard.target:0.9}") double target) {
        if (target <= 0 || target > 1) {
            throw new IllegalArgumentException("playerdesk.insight.scorecard.target is a share above 0, at most 1");
        }
        this.figures = figures;
        this.target = target;
    }

    /** The share of contacts within the limit that meets a measure. */
    public double target() {
        return target;
    }

    /** The game's scorecard for the days from {@code from} to {@code to}, in its own time zone. */
    public Card card(UUID gameId, LocalDate from, LocalDate to) {
        Set<UUID> game = Set.of(gameId);
        Totals all = figures.totals(game, from, to, Dimension.ALL, null);
        Map<String, Totals> byChannel = figures.breakdown(game, from, to, Dimension.CHANNEL).stream()
                .collect(Collectors.toMap(Slice::value, Slice::totals));
        List<Score> scores = new ArrayList<>();
        for (Measure measure : Measure.values()) {
            Totals totals = measure.channel() == null || measure.fromChats() ? all
                    : byChannel.getOrDefault(measure.channel().code(), Totals.empty());
            long contacts = totals.total(measure.base);
            long within = totals.total(measure.within);
            Double rate = contacts == 0 ? null : (double) within / contacts;
            scores.add(new Score(measure, contacts, within, rate, rate == null ? null : rate >= target - 1e-9));
        }
        List<ChannelRates> channels = new ArrayList<>();
        for (TicketChannel channel : TicketChannel.values()) {
            Totals totals = byChannel.getOrDefault(channel.code(), Totals.empty());
            channels.add(new ChannelRates(channel, totals.total(Metric.CREATED),
                    totals.share(Metric.RESPONDED_WITHIN_1M, Metric.CREATED),
                    totals.share(Metric.RESPONDED_WITHIN_5M, Metric.CREATED),
                    totals.share(Metric.RESPONDED_WITHIN_30M, Metric.CREATED),
                    totals.share(Metric.RESPONDED_WITHIN_1H, Metric.CREATED),
                    totals.share(Metric.REPLIED_SAME_DAY, Metric.CREATED), totals.total(Metric.COMPLAINTS),
                    totals.share(Metric.COMPLAINTS_CLOSED_48H, Metric.COMPLAINTS)));
        }
        return new Card(gameId, scores, channels);
    }
}
