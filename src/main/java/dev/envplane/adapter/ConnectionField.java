package dev.envplane.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One field of an adapter's connection block: how it is read from the GraphQL input, whether create needs it, its
 * default, its check, and where it is stored: a column, or (secret) a key in the secret store under {@link #name}.
 */
public record ConnectionField(String name, Function<Object, Object> read, ConnectionColumn column, boolean required,
        Object fallback, Check check) {

    public boolean secret() {
        return column == null;
    }

    /** Collects the fields of one input type in order; the order is the order of validation. */
    public static <I> Builder<I> of(Class<I> input) {
        return new Builder<>(input);
    }

    public static final class Builder<I> {
        private final Class<I> input;
        private final List<ConnectionField> fields = new ArrayList<>();

        private Builder(Class<I> input) {
            this.input = input;
        }

        /** Required on create; on update, changed only when given. */
        public Builder<I> required(String name, Function<I, ?> read, ConnectionColumn column, Check check) {
            return add(name, read, column, true, null, check);
        }

        /** Takes {@code fallback} when left out on create. */
        public Builder<I> defaulted(String name, Function<I, ?> read, ConnectionColumn column, Object fallback, Check check) {
            return add(name, read, column, true, fallback, check);
        }

        /** May stay empty; the check may turn a given value into null to clear it. */
        public Builder<I> optional(String name, Function<I, ?> read, ConnectionColumn column, Check check) {
            return add(name, read, column, false, null, check);
        }

        /** A secret, required on create and replaced (a new version) when given on update; the check gets a Secret. */
        public Builder<I> secret(String name, Function<I, String> read, Check check) {
            return add(name, read, null, true, null, check);
        }

        public List<ConnectionField> build() {
            return List.copyOf(fields);
        }

        private Builder<I> add(String name, Function<I, ?> read, ConnectionColumn column, boolean required, Object fallback, Check check) {
            fields.add(new ConnectionField(name, block -> read.apply(input.cast(block)), column, required, fallback, check));
            return this;
        }
    }
}
