package org.playerdesk.training.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code playerdesk.training.*}.
 *
 * @param typingMinCpm the typing test's pass mark when an exam names none: correct characters a
 *        minute (50, the department's standard for Chinese)
 * @param graceSeconds how long after an exam's deadline a submission still counts (15): the time
 *        the answers take to reach the server; later ones are refused and the attempt fails
 */
@ConfigurationProperties("playerdesk.training")
record TrainingSettings(Integer typingMinCpm, Integer graceSeconds) {

    TrainingSettings {
        typingMinCpm = typingMinCpm == null ? 50 : typingMinCpm;
        graceSeconds = graceSeconds == null ? 15 : graceSeconds;
        if (typingMinCpm < 1 || typingMinCpm > 300 || graceSeconds < 0 || graceSeconds > 300) {
            throw new IllegalArgumentException("playerdesk.training: typing-min-cpm 1 to 300, grace-seconds 0 to 300");
        }
    }
}
