package org.jumpdesk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerOptionsTest {

    @ParameterizedTest
    @CsvSource({
        "https://support.example.com, wss://support.example.com/customer",
        "https://support.example.com:8443/some/page, wss://support.example.com:8443/customer",
        "wss://10.0.0.5:8443/agent, wss://10.0.0.5:8443/customer"
    })
    void theCustomerEndpointIsOnTheSitesHostWhateverAddressTheCustomerWasGiven(String site, String endpoint) {
        CustomerOptions options = CustomerOptions.parse("--session-key", "1234-5678-9012", "--site", site);

        assertThat(options.customerEndpoint()).isEqualTo(URI.create(endpoint));
        assertThat(options.certificateFingerprint()).isNull();
        assertThat(options.toString()).doesNotContain("1234");
    }

    @Test
    void plainHttpNeedsTheDevelopmentSwitch() {
        assertThatThrownBy(
                        () -> CustomerOptions.parse("--session-key", "123456789012", "--site", "http://localhost:8080"))
                .hasMessageContaining("not encrypted");

        assertThat(CustomerOptions.parse(
                                "--session-key",
                                "123456789012",
                                "--site",
                                "http://localhost:8080",
                                "--insecure-development")
                        .customerEndpoint())
                .isEqualTo(URI.create("ws://localhost:8080/customer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"12-34", "1234-5678-901x", "", "1234 5678 9012 3"})
    void aKeyThatIsNotTwelveDigitsIsRefusedNamingTheParameter(String key) {
        assertThatThrownBy(() -> CustomerOptions.parse("--session-key", key, "--site", "https://s.example.com"))
                .hasMessageContaining("--session-key must be the 12-digit key");
    }

    @Test
    void missingAndUnknownArgumentsAreNamed() {
        assertThatThrownBy(() -> CustomerOptions.parse("--session-key", "123456789012"))
                .hasMessageContaining("--site is required");
        assertThatThrownBy(() -> CustomerOptions.parse("--session-key", "123456789012", "--state-dir", "/tmp"))
                .hasMessageContaining("unknown argument --state-dir");
        assertThatThrownBy(() -> CustomerOptions.parse("--session-key"))
                .hasMessageContaining("--session-key needs a value");
    }

    @Test
    void aFingerprintPinsTheCertificateAsForAgents() {
        CustomerOptions options = CustomerOptions.parse(
                "--session-key",
                "123456789012",
                "--site",
                "https://s.example.com",
                "--site-fingerprint",
                "ab".repeat(32));

        assertThat(options.certificateFingerprint()).hasSize(32);
        assertThat(options.dialing().certificateFingerprint()).isEqualTo(options.certificateFingerprint());
    }
}
