package dev.envplane.adapter;

import java.util.List;
import java.util.Locale;

/**
 * One key of an adapter's dbt target in {@code profiles.yml}, and where its value comes from: the first of
 * {@link #sources} that has a value. A key none of whose sources has a value is left out of the profile.
 */
public record ProfileKey(String key, Format format, List<Source> sources) {

    public static ProfileKey of(String key, Source... sources) {
        return new ProfileKey(key, Format.AS_STORED, List.of(sources));
    }

    /** A key dbt's adapter knows and envplane does not set: only an environment's extended attributes give it a value. */
    public static ProfileKey extendedOnly(String key) {
        return new ProfileKey(key, Format.AS_STORED, List.of());
    }

    /** An enum value written the way dbt spells it: VERIFY_FULL becomes verify-full. */
    public static ProfileKey dbtName(String key, Source... sources) {
        return new ProfileKey(key, Format.DBT_NAME, List.of(sources));
    }

    public enum Format {
        AS_STORED,
        DBT_NAME;

        public Object apply(Object value) {
            return this == DBT_NAME && value != null ? value.toString().toLowerCase(Locale.ROOT).replace('_', '-') : value;
        }
    }

    public enum Kind {
        /** A fixed value. */
        CONSTANT,
        /** A field of the connection, by its input name. */
        CONNECTION,
        /** An environment's override, by name. */
        OVERRIDE,
        /** A non-secret field of the credentials, by its input name. */
        CREDENTIALS,
        /** A secret of the credentials, read from the environment variable {@link Source#envVar()}. */
        SECRET,
        /** A secret of the connection written to a file; the environment variable {@link Source#envVar()} holds its path. */
        SECRET_FILE
    }

    /** Where a value comes from: {@code name} is a field, override or secret key; {@code value} a constant. */
    public record Source(Kind kind, String name, Object value) {

        public static Source constant(Object value) {
            return new Source(Kind.CONSTANT, null, value);
        }

        public static Source connection(String field) {
            return new Source(Kind.CONNECTION, field, null);
        }

        public static Source override(String name) {
            return new Source(Kind.OVERRIDE, name, null);
        }

        public static Source credentials(String field) {
            return new Source(Kind.CREDENTIALS, field, null);
        }

        public static Source secret(String key) {
            return new Source(Kind.SECRET, key, null);
        }

        public static Source secretFile(String key) {
            return new Source(Kind.SECRET_FILE, key, null);
        }

        /**
         * The environment variable a profile reads a secret from: DBT_ENV_SECRET_ and the key in upper snake case
         * (privateKeyPassphrase: DBT_ENV_SECRET_PRIVATE_KEY_PASSPHRASE), so dbt scrubs it from its logs; a secret
         * file's path adds _PATH. Null for other sources.
         */
        public String envVar() {
            if (kind != Kind.SECRET && kind != Kind.SECRET_FILE) {
                return null;
            }
            String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            return "DBT_ENV_SECRET_" + snake + (kind == Kind.SECRET_FILE ? "_PATH" : "");
        }
    }
}
