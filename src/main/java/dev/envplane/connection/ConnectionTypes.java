package dev.envplane.connection;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import dev.envplane.adapter.AdapterType;

/** Each adapter's GraphQL output type; a new adapter adds its type here (checked at start). */
final class ConnectionTypes {

    private static final Map<AdapterType, Function<WarehouseConnection, Connection>> TYPES = new EnumMap<>(Map.of(
            AdapterType.POSTGRES, PostgresConnection::new,
            AdapterType.REDSHIFT, RedshiftConnection::new,
            AdapterType.SNOWFLAKE, SnowflakeConnection::new,
            AdapterType.BIGQUERY, BigQueryConnection::new,
            AdapterType.SPARK, SparkConnection::new,
            AdapterType.DATABRICKS, DatabricksConnection::new));

    static {
        if (TYPES.size() != AdapterType.values().length) {
            throw new IllegalStateException("Every AdapterType needs a Connection output type in ConnectionTypes");
        }
    }

    private ConnectionTypes() {
    }

    static Function<WarehouseConnection, Connection> of(AdapterType type) {
        return TYPES.get(type);
    }
}
