package dev.envplane.adapter;

/**
 * The typed columns of {@code warehouse_connection} that hold settings. A {@link ConnectionField} names the one it
 * is stored in; the table's check constraint says which ones each adapter requires.
 */
public enum ConnectionColumn {
    HOST,
    PORT,
    DBNAME,
    SSL_MODE,
    ACCOUNT,
    DATABASE_NAME,
    WAREHOUSE_NAME,
    ROLE_NAME,
    CLIENT_SESSION_KEEP_ALIVE,
    GCP_PROJECT_ID,
    LOCATION,
    CLUSTER,
    METHOD,
    HTTP_PATH,
    CATALOG
}
