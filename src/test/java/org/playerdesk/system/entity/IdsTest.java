package org.playerdesk.system.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Ids are version 7 UUIDs that only grow within a process. */
class IdsTest {

    @Test
    void areTimeOrderedVersionSevenUuids() {
        long before = System.currentTimeMillis();
        UUID id = Ids.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(before);
    }

    @Test
    void onlyGrowEvenWithinOneMillisecond() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(Ids.next());
        }
        // compared as strings, the way a database orders uuid columns
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i).toString()).isGreaterThan(ids.get(i - 1).toString());
        }
        assertThat(ids).doesNotHaveDuplicates();
    }
}
