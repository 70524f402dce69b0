package fr.anct.opencollectivites.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows down password guessing with sliding-window counters: only failures of the last
 * {@link #WINDOW} count, so a count decays by itself.
 * <ul>
 * <li>Per account: after {@value #FREE_ACCOUNT_FAILURES} recent failures each further one doubles the
 * wait before the next attempt is checked (2 s, 4 s… at most 15 min after the last failure).</li>
 * <li>Per client address: after {@value #FREE_ADDRESS_FAILURES} recent failures from one address, the
 * same waits apply from that address — but only to accounts that have failures of their own in the
 * window: a colleague behind the same proxy whose account nobody is guessing still signs in.</li>
 * </ul>
 * An attempt counts as a failure from the moment it is let through ({@link #begin}) until it succeeds
 * ({@link #succeeded}): parallel requests cannot get more guesses than the limit by all passing the check
 * before the first failure is recorded. A success clears its account's failures. Kept in memory per
 * instance: on a cluster an attacker gains at most a factor of the instance count.
 */
public final class LoginThrottle {
    static final int FREE_ACCOUNT_FAILURES = 5;
    static final int FREE_ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration FIRST_DELAY = Duration.ofSeconds(2);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> byAccount = new HashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new HashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** An attempt let through: counted as a failure until {@link #succeeded} says otherwise. */
    public record Attempt(String account, String address, Instant at) {
    }

    /**
     * Lets an attempt through (and counts it) or says how long the client must wait; atomic, so that
     * concurrent attempts are counted one after the other.
     */
    public synchronized Result begin(String login, String address) {
        Instant now = clock.instant();
        String account = key(login);
        Deque<Instant> accountFailures = recent(byAccount, account, now);
        Duration wait = wait(accountFailures, FREE_ACCOUNT_FAILURES, now);
        if (!accountFailures.isEmpty()) {
            Duration fromAddress = wait(recent(byAddress, address, now), FREE_ADDRESS_FAILURES, now);
            wait = wait.compareTo(fromAddress) >= 0 ? wait : fromAddress;
        }
        if (!wait.isZero()) {
            return new Result(Optional.empty(), wait);
        }
        if (byAccount.size() > MAX_ENTRIES || byAddress.size() > MAX_ENTRIES) {
            forgetOld(now);
        }
        byAccount.computeIfAbsent(account, k -> new ArrayDeque<>()).addLast(now);
        byAddress.computeIfAbsent(address, k -> new ArrayDeque<>()).addLast(now);
        return new Result(Optional.of(new Attempt(account, address, now)), Duration.ZERO);
    }

    /** {@code attempt} present: go on and check the password; else retry after {@code retryAfter}. */
    public record Result(Optional<Attempt> attempt, Duration retryAfter) {
    }

    /** The password was right: the attempt was no failure, and the account's earlier failures are forgiven. */
    public synchronized void succeeded(Attempt attempt) {
        byAccount.remove(attempt.account());
        Deque<Instant> address = byAddress.get(attempt.address());
        if (address != null) {
            address.removeLastOccurrence(attempt.at());
        }
    }

    private static Deque<Instant> recent(Map<String, Deque<Instant>> failures, String key, Instant now) {
        Deque<Instant> list = failures.get(key);
        if (list == null) {
            return new ArrayDeque<>();
        }
        Instant oldest = now.minus(WINDOW);
        while (!list.isEmpty() && !list.peekFirst().isAfter(oldest)) {
            list.removeFirst();
        }
        if (list.isEmpty()) {
            failures.remove(key);
        }
        return list;
    }

    /** The wait after {@code failures} in the window: none up to {@code free}, then doubling from the last one. */
    private static Duration wait(Deque<Instant> failures, int free, Instant now) {
        int count = failures.size();
        if (count < free) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(20, count - free));
        Instant until = failures.peekLast().plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    private void forgetOld(Instant now) {
        Instant oldest = now.minus(WINDOW);
        byAccount.values().removeIf(f -> f.isEmpty() || !f.peekLast().isAfter(oldest));
        byAddress.values().removeIf(f -> f.isEmpty() || !f.peekLast().isAfter(oldest));
    }

    private static String key(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
