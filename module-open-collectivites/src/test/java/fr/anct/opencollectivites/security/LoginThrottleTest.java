package fr.anct.opencollectivites.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Exponential delays per account and per address, a success clearing the account. */
@Tag("unit")
class LoginThrottleTest {
    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheWait() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_ACCOUNT_FAILURES - 1; i++) {
            throttle.failed("Claire", "10.0.0.1");
            assertThat(throttle.waitBefore("claire", "10.0.0.1")).isZero();
        }
        throttle.failed("claire", "10.0.0.1");
        assertThat(throttle.waitBefore("claire", "10.0.0.2")).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("claire", "10.0.0.1");
        assertThat(throttle.waitBefore("claire", "10.0.0.3")).isEqualTo(Duration.ofSeconds(4));
        assertThat(throttle.waitBefore("bob", "10.0.0.3")).as("other accounts are not slowed").isZero();
        for (int i = 0; i < 30; i++) {
            throttle.failed("claire", "10.0.0.1");
        }
        assertThat(throttle.waitBefore("claire", "10.0.0.3")).isEqualTo(LoginThrottle.MAX_DELAY);
        throttle.succeeded("claire");
        assertThat(throttle.waitBefore("claire", "10.0.0.3")).isZero();
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedToo() {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES; i++) {
            throttle.failed("compte" + i, "203.0.113.9");
        }
        assertThat(throttle.waitBefore("encore-un-autre", "203.0.113.9")).isPositive();
        assertThat(throttle.waitBefore("encore-un-autre", "198.51.100.1")).isZero();
    }
}
