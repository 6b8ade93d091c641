package org.jumpdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenseAdministrationTest {

    @ParameterizedTest
    @CsvSource({
        "0, 100, ok",
        "89, 100, ok",
        "90, 100, near",
        "99, 100, near",
        "100, 100, full",
        "120, 100, full",
        "0, 0, full",
        "22, 25, ok",
        "23, 25, near"
    })
    void warnsFromNinetyPercentOfALimit(int used, int limit, String level) {
        assertThat(LicenseAdministration.level(used, limit)).isEqualTo(level);
    }
}
