package org.jumpdesk.users.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = PasswordHashing.hash("correct horse ñandú".toCharArray());

        assertThat(PasswordHashing.matches("correct horse ñandú".toCharArray(), hash))
                .isTrue();
        assertThat(PasswordHashing.matches("correct horse nandu".toCharArray(), hash))
                .isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(PasswordHashing.hash("secret".toCharArray()))
                .isNotEqualTo(PasswordHashing.hash("secret".toCharArray()));
    }

    @Test
    void storesItsWorkFactorAndNeverMatchesAnUnknownScheme() {
        assertThat(PasswordHashing.hash("x".toCharArray()))
                .startsWith("pbkdf2-sha256$" + PasswordHashing.ITERATIONS + "$");
        assertThat(PasswordHashing.matches("x".toCharArray(), "md5$abc")).isFalse();
    }

    @Test
    void randomPasswordsHaveTheRequestedLengthAndDiffer() {
        assertThat(PasswordHashing.randomPassword(20)).hasSize(20).isNotEqualTo(PasswordHashing.randomPassword(20));
    }
}
