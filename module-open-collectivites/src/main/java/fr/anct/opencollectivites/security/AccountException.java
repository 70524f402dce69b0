package fr.anct.opencollectivites.security;

/** An account operation refused for a reason the user can fix; {@code key} names the French message. */
public class AccountException extends RuntimeException {
    private final String key;
    private final transient Object[] args;

    public AccountException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }
}
