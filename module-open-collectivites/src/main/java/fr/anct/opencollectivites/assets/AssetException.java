package fr.anct.opencollectivites.assets;

/** An upload refused; {@code key} names the French message. */
public class AssetException extends RuntimeException {
    private final int status;
    private final String key;
    private final transient Object[] args;

    public AssetException(int status, String key, Object... args) {
        super(key);
        this.status = status;
        this.key = key;
        this.args = args;
    }

    public int status() {
        return status;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args;
    }
}
