package org.playerdesk.survey.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyChannel;

/**
 * A game's survey settings: which channels ask, how long after the resolution, how many days a
 * survey may be answered, the question in Chinese and in English, the score at or below which a
 * follow-up (回访) opens, and the reasons offered. {@link #defaults()} ask on every channel half an
 * hour after the resolution, for seven days, and follow up scores of 2 and below.
 */
record SurveySettings(Set<SurveyChannel> channels, int delayMinutes, int validDays, String questionZh,
        String questionEn, int lowScore, List<ReasonCode> reasons) {

    static final int DELAY_MAX = 10_080;
    static final int VALID_DAYS_MAX = 60;
    static final int QUESTION_MAX = 300;
    static final String QUESTION_ZH = "您对本次客服的服务满意吗？请为我们打分（1–5 分，5 分为非常满意）。";
    static final String QUESTION_EN = "How satisfied are you with the help you received? Please rate us from 1 to 5 "
            + "(5 is very satisfied).";

    SurveySettings {
        channels = channels.isEmpty() ? EnumSet.noneOf(SurveyChannel.class) : EnumSet.copyOf(channels);
        reasons = List.copyOf(reasons);
    }

    static SurveySettings defaults() {
        return new SurveySettings(EnumSet.allOf(SurveyChannel.class), 30, 7, QUESTION_ZH, QUESTION_EN, 2,
                List.of(ReasonCode.values()));
    }

    boolean asks(SurveyChannel channel) {
        return channel != null && channels.contains(channel);
    }

    /** The question in this language: Chinese unless the reader reads English. */
    String question(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? questionEn : questionZh;
    }

    boolean low(int score) {
        return score <= lowScore;
    }
}
