package org.playerdesk.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.playerdesk.access.PersonalData;

/** A snapshot masked for a viewer: every IP address in it, and nothing else. */
class AccountSnapshotTest {

    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    final PersonalData personalData = new PersonalData();

    @Test
    void masksTheRegistrationLoginAndSharedIpAddressesOnly() {
        AccountSnapshot snapshot = new AccountSnapshot(AccountSnapshot.State.AVAILABLE,
                new AccountProfile("10001", "夜雨听风", "S1", "剑客", 80, 5, 64_800, 1200, AT, "113.88.12.45", null,
                        AccountStatus.ACTIVE, AT),
                List.of(new LoginRecord(AT, "36.110.8.9", "iPhone 15", "新疆乌鲁木齐")), List.of(),
                List.of(new LinkedAccount("10002", "小号", "ip", "113.88.12.45"),
                        new LinkedAccount("10003", "另一个", "device", "device-7f3a")),
                AT, List.of(), List.of(Currency.COINS));

        AccountSnapshot masked = snapshot.withIps(personalData::ip);

        assertThat(masked.profile().registrationIp()).isEqualTo("113.88.*.*");
        assertThat(masked.profile()).usingRecursiveComparison().ignoringFields("registrationIp")
                .isEqualTo(snapshot.profile());
        assertThat(masked.logins()).extracting(LoginRecord::ip).containsExactly("36.110.*.*");
        assertThat(masked.logins()).extracting(LoginRecord::region).containsExactly("新疆乌鲁木齐");
        assertThat(masked.linked()).extracting(LinkedAccount::sharedValue).containsExactly("113.88.*.*", "device-7f3a");
        assertThat(snapshot.profile().registrationIp()).as("the snapshot read stays as it was").isEqualTo("113.88.12.45");
    }

    @Test
    void anUnavailableSnapshotHasNothingToMask() {
        AccountSnapshot unavailable = AccountSnapshot.of(AccountSnapshot.State.UNAVAILABLE, AT);

        assertThat(unavailable.withIps(personalData::ip)).isEqualTo(unavailable);
    }
}
