package dev.egregora.core.model;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void uuid5MatchesTheRfcExample() {
        // RFC 9562 appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        assertThat(Ids.uuid5(dns, "www.example.com")).hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }

    @Test
    void authorIdsIgnoreCaseAndSpacingButNotLetters() {
        assertThat(Ids.authorId("  Ana   Souza ")).isEqualTo(Ids.authorId("ana souza"));
        assertThat(Ids.authorId("Ana Souza")).isNotEqualTo(Ids.authorId("Ana Sousa"));
        assertThat(UUID.fromString(Ids.authorId("x")).version()).isEqualTo(5);
    }

    @Test
    void sha256OfTheEmptyString() {
        assertThat(Ids.sha256Hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
