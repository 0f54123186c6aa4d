package dev.envplane.secrets;

/**
 * A secret value in memory. {@link #toString()} prints a mask and there is no getter, so neither a careless log
 * line, an error message nor a JSON serialiser can print it; only {@link #reveal()} gives it, for Vault.
 */
public final class Secret {

    private static final String MASK = "****";
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return value == null ? null : new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public int length() {
        return value.length();
    }

    @Override
    public String toString() {
        return MASK;
    }
}
