package dev.lore.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    private final Passwords passwords = new Passwords(1024, 1);

    @Test
    void hashesWithArgon2idAndASaltPerHash() {
        String a = passwords.hash("s3cret-pass");
        String b = passwords.hash("s3cret-pass");
        assertThat(a).startsWith("$argon2id$v=19$m=1024,t=1,p=1$").isNotEqualTo(b);
        assertThat(passwords.verify("s3cret-pass", a)).isTrue();
        assertThat(passwords.verify("s3cret-pass", b)).isTrue();
        assertThat(passwords.verify("wrong", a)).isFalse();
    }

    @Test
    void verifiesHashesMadeWithOtherCostsAndRejectsGarbage() {
        String strong = new Passwords().hash("pw-with-default-cost");
        assertThat(passwords.verify("pw-with-default-cost", strong)).isTrue();
        assertThat(passwords.verify("x", "not a hash")).isFalse();
        assertThat(passwords.verify("x", "$argon2id$v=19$m=x$$")).isFalse();
        assertThat(passwords.verify("x", null)).isFalse();
    }
}
