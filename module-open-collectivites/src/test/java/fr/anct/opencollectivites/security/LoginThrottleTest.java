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

    /** A failed attempt: let through, never succeeded. */
    private static void fail(LoginThrottle throttle, String login, String address) {
        assertThat(throttle.begin(login, address).attempt()).as("attempt let through").isPresent();
    }

    private static Duration waitBefore(LoginThrottle throttle, String login, String address) {
        LoginThrottle.Result result = throttle.begin(login, address);
        result.attempt().ifPresent(throttle::succeeded); // a probe that counts nothing
        return result.retryAfter();
    }

    @Test
    void eachFailureBeyondTheFreeOnesDoublesTheWait() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_ACCOUNT_FAILURES - 1; i++) {
            fail(throttle, "Claire", "10.0.0.1");
        }
        fail(throttle, "claire", "10.0.0.1");
        LoginThrottle.Result refused = throttle.begin("claire", "10.0.0.2");
        assertThat(refused.attempt()).isEmpty();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        fail(throttle, "claire", "10.0.0.1");
        assertThat(throttle.begin("claire", "10.0.0.3").retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(waitBefore(throttle, "bob", "10.0.0.3")).as("other accounts are not slowed").isZero();
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < 12; i++) {
            fail(throttle, "claire", "10.0.0.1");
            clock.advance(throttle.begin("claire", "10.0.0.1").retryAfter());
        }
        assertThat(throttle.begin("claire", "10.0.0.1").retryAfter()).isPositive();
        // the pen-tester's renewal: one wrong attempt every 15 minutes never keeps the account locked
        for (int i = 0; i < 4; i++) {
            clock.advance(LoginThrottle.MAX_DELAY.plusSeconds(1));
            assertThat(throttle.begin("claire", "10.0.0.1").attempt()).as("after a quiet window").isPresent();
        }
    }

    @Test
    void anAddressOverItsLimitDoesNotDenyAccountsWithoutRecentFailures() {
        MovableClock clock = new MovableClock();
        LoginThrottle throttle = new LoginThrottle(clock);
        for (int i = 0; i < LoginThrottle.FREE_ADDRESS_FAILURES; i++) {
            fail(throttle, "compte" + i, "203.0.113.9");
        }
        assertThat(throttle.begin("compte3", "203.0.113.9").attempt()).as("a guessed account, from that address").isEmpty();
        assertThat(waitBefore(throttle, "compte3", "198.51.100.1")).as("the same account elsewhere").isZero();
        assertThat(waitBefore(throttle, "marie", "203.0.113.9")).as("a colleague behind the same proxy").isZero();
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        assertThat(waitBefore(throttle, "compte3", "203.0.113.9")).isZero();
    }

    @Test
    void parallelAttemptsGetNoMoreGuessesThanTheLimit() throws Exception {
        LoginThrottle throttle = new LoginThrottle(new MovableClock());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<Boolean>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 64; i++) {
            attempts.add(pool.submit(() -> {
                start.await();
                return throttle.begin("claire", "10.0.0.1").attempt().isPresent();
            }));
        }
        start.countDown();
        int let = 0;
        for (java.util.concurrent.Future<Boolean> attempt : attempts) {
            let += attempt.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(let).isEqualTo(LoginThrottle.FREE_ACCOUNT_FAILURES);
    }
}
