package org.playerdesk.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Personal data is shown masked: enough to compare, not enough to use. */
class PersonalDataTest {

    PersonalData mask = new PersonalData();

    @Test
    void masksIpAddresses() {
        assertThat(mask.ip("113.88.12.45")).isEqualTo("113.88.*.*");
        assertThat(mask.ip(" 8.8.8.8 ")).isEqualTo("8.8.*.*");
        assertThat(mask.ip("2408:8207:1234:5678::1")).isEqualTo("2408:8207:*");
        assertThat(mask.ip("not an ip")).isEqualTo("*");
        assertThat(mask.ip(null)).isNull();
    }

    @Test
    void masksEmailAddresses() {
        assertThat(mask.email("yeyu.tingfeng@example.com")).isEqualTo("y********@example.com");
        assertThat(mask.email("ab@example.com")).isEqualTo("a***@example.com");
        assertThat(mask.email("@example.com")).doesNotContain("example");
        assertThat(mask.email("")).isEmpty();
    }

    @Test
    void masksPhoneNumbers() {
        assertThat(mask.phone("13812345678")).isEqualTo("138****5678");
        assertThat(mask.phone("12345")).isEqualTo("*****");
        assertThat(mask.phone(null)).isNull();
    }
}
