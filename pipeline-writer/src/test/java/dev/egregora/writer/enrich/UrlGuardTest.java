package dev.egregora.writer.enrich;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlGuardTest {
    private final UrlGuard strict = new UrlGuard(false);

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/", "http://localhost:8080/x", "http://10.1.2.3/", "http://192.168.0.1/",
        "http://172.16.5.4/", "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://0.0.0.0/",
        "http://[::1]/", "http://[fd00::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/"})
    void refusesNonPublicAddresses(String url) {
        assertThatThrownBy(() -> strict.check(URI.create(url))).isInstanceOf(UrlGuard.RefusedUrlException.class)
                .hasMessageContaining("non-public");
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/", "gopher://x/", "http://user:pw@93.184.215.14/"})
    void refusesOtherSchemesAndCredentials(String url) {
        assertThatThrownBy(() -> strict.check(URI.create(url))).isInstanceOf(UrlGuard.RefusedUrlException.class);
    }

    @Test
    void acceptsPublicAddressesAndLoopbackOnlyWhenAllowed() throws Exception {
        assertThat(strict.check(URI.create("https://93.184.215.14/page"))).isEqualTo(InetAddress.getByName("93.184.215.14"));
        assertThat(UrlGuard.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
        assertThat(new UrlGuard(true).check(URI.create("http://127.0.0.1:9/")).isLoopbackAddress()).isTrue();
    }
}
