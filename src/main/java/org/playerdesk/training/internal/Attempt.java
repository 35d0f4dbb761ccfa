package org.playerdesk.training.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One sitting of an exam: the seed and the questions it drew, in order; started and due on the
 * application clock; once submitted, its score (and for the typing test its figures).
 */
record Attempt(UUID id, UUID examId, UUID staffId, long seed, List<UUID> questionIds, Instant startedAt,
        Instant deadline, Instant submittedAt, boolean late, Status status, Integer score, Integer maxScore,
        Integer typedChars, Integer correctChars, Integer perMinute, Integer accuracy) {

    /** Started; submitted with short answers still to score; passed; failed. */
    enum Status implements org.playerdesk.system.entity.Coded {
        STARTED("started"), SUBMITTED("submitted"), PASSED("passed"), FAILED("failed");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }

        static Status of(String code) {
            return org.playerdesk.system.entity.Coded.fromCode(Status.class, code);
        }
    }

    boolean open() {
        return status == Status.STARTED;
    }
}
