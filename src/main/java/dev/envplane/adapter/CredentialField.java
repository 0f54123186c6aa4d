package dev.envplane.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * One field of an adapter's credentials block. Non-secret fields are stored in {@link #column}; left out, they keep
 * their stored value, else take {@link #fallback}. Secret fields ({@code column} null) go to the secret store under
 * {@link #name}, are at most {@link #maxLength} characters and belong to the auth methods in {@link #methods}
 * (all when empty).
 */
public record CredentialField(String name, Function<Object, Object> read, CredentialColumn column, boolean required,
        Object fallback, Check check, int maxLength, Set<AuthMethod> methods) {

    public static final int DEFAULT_THREADS = 4;

    public boolean secret() {
        return column == null;
    }

    /** Whether this field is used by credentials of the given auth method (null: the adapter has none). */
    public boolean usedBy(AuthMethod method) {
        return methods.isEmpty() || methods.contains(method);
    }

    public static <I> Builder<I> of(Class<I> input) {
        return new Builder<>(input);
    }

    public static final class Builder<I> {
        private final Class<I> input;
        private final List<CredentialField> fields = new ArrayList<>();

        private Builder(Class<I> input) {
            this.input = input;
        }

        public Builder<I> required(String name, Function<I, ?> read, CredentialColumn column, Check check) {
            return add(new CredentialField(name, erase(read), column, true, null, check, 0, Set.of()));
        }

        public Builder<I> defaulted(String name, Function<I, ?> read, CredentialColumn column, Object fallback, Check check) {
            return add(new CredentialField(name, erase(read), column, true, fallback, check, 0, Set.of()));
        }

        public Builder<I> optional(String name, Function<I, ?> read, CredentialColumn column, Check check) {
            return add(new CredentialField(name, erase(read), column, false, null, check, 0, Set.of()));
        }

        /** dbt's threads: 1 to 64, 4 unless given. */
        public Builder<I> threads(Function<I, Integer> read) {
            return defaulted("threads", read, CredentialColumn.THREADS, DEFAULT_THREADS, Checks.range(1, 64));
        }

        /** A secret of the given auth methods (none: always used). */
        public Builder<I> secret(String name, Function<I, String> read, int maxLength, boolean required, AuthMethod... methods) {
            return add(new CredentialField(name, erase(read), null, required, null, Check.AS_GIVEN, maxLength, Set.of(methods)));
        }

        public List<CredentialField> build() {
            return List.copyOf(fields);
        }

        private Function<Object, Object> erase(Function<I, ?> read) {
            return block -> read.apply(input.cast(block));
        }

        private Builder<I> add(CredentialField field) {
            fields.add(field);
            return this;
        }
    }
}
