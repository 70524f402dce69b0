package fr.anct.opencollectivites.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing, per account and per client address: after a few failures, each new
 * failure doubles the wait before the next attempt is even checked (up to a cap). A success clears the
 * account's count. Kept in memory per instance: on a cluster an attacker gains at most a factor of the
 * instance count; the cap keeps a real user's lockout short.
 */
public final class LoginThrottle {
    static final int FREE_ACCOUNT_FAILURES = 5;
    static final int FREE_ADDRESS_FAILURES = 20;
    static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final Map<String, Failures> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    private record Failures(int count, Instant blockedUntil) {
    }

    /** Zero when an attempt may be checked now; else how long the client must wait. */
    public Duration waitBefore(String login, String address) {
        Instant now = clock.instant();
        Duration account = remaining(byAccount.get(key(login)), now);
        Duration ip = remaining(byAddress.get(address), now);
        return account.compareTo(ip) >= 0 ? account : ip;
    }

    public void failed(String login, String address) {
        Instant now = clock.instant();
        if (byAccount.size() > MAX_ENTRIES || byAddress.size() > MAX_ENTRIES) {
            forgetExpired(now);
        }
        byAccount.compute(key(login), (k, f) -> next(f, FREE_ACCOUNT_FAILURES, now));
        byAddress.compute(address, (k, f) -> next(f, FREE_ADDRESS_FAILURES, now));
    }

    public void succeeded(String login) {
        byAccount.remove(key(login));
    }

    private static Failures next(Failures previous, int free, Instant now) {
        int count = previous == null ? 1 : previous.count + 1;
        if (count < free) {
            return new Failures(count, Instant.MIN);
        }
        long factor = 1L << Math.min(20, count - free);
        Duration delay = FIRST_DELAY.multipliedBy(factor);
        return new Failures(count, now.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay));
    }

    private static Duration remaining(Failures failures, Instant now) {
        if (failures == null || !failures.blockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, failures.blockedUntil);
    }

    private void forgetExpired(Instant now) {
        Instant old = now.minus(MAX_DELAY.multipliedBy(2));
        byAccount.values().removeIf(f -> f.blockedUntil.isBefore(old));
        byAddress.values().removeIf(f -> f.blockedUntil.isBefore(old));
    }

    private static String key(String login) {
        return login == null ? "" : login.toLowerCase(Locale.ROOT);
    }
}
