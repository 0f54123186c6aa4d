package dev.envplane.adapter;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one place adapters are registered; looked up by type or by input block name, never by ordinal. */
public final class Adapters {

    private static final List<Adapter> ALL = List.of(PostgresAdapter.DEFINITION, RedshiftAdapter.DEFINITION,
            SnowflakeAdapter.DEFINITION, BigQueryAdapter.DEFINITION, SparkAdapter.DEFINITION, DatabricksAdapter.DEFINITION);
    private static final Map<AdapterType, Adapter> BY_TYPE = new EnumMap<>(ALL.stream()
            .collect(Collectors.toMap(Adapter::type, Function.identity())));
    private static final Map<String, Adapter> BY_BLOCK = ALL.stream().collect(Collectors.toMap(Adapter::block, Function.identity()));

    static {
        if (BY_TYPE.size() != AdapterType.values().length) {
            throw new IllegalStateException("Every AdapterType needs exactly one definition in Adapters");
        }
    }

    private Adapters() {
    }

    public static Adapter of(AdapterType type) {
        return BY_TYPE.get(type);
    }

    public static Optional<Adapter> byBlock(String block) {
        return Optional.ofNullable(BY_BLOCK.get(block));
    }

    public static List<Adapter> all() {
        return ALL;
    }

    /** "postgres, redshift, ...": the block names, for messages. */
    public static String blockNames() {
        return ALL.stream().map(Adapter::block).collect(Collectors.joining(", "));
    }
}
