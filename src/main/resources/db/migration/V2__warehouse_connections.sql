-- Warehouse connections: account-level, reusable by many environments. The settings of every warehouse have their
-- own typed, nullable columns; the check constraint below says which ones each warehouse requires. Secrets (the
-- BigQuery service-account key) are never stored here: only where they are in Vault (secret_path, secret_version),
-- the names of the keys that are set (secret_keys) and when they were last written.

create table warehouse_connection (
    id                         uuid         primary key,
    name                       varchar(100) not null,
    warehouse                  varchar(16)  not null
        check (warehouse in ('POSTGRES', 'REDSHIFT', 'SNOWFLAKE', 'BIGQUERY', 'SPARK', 'DATABRICKS')),
    host                       varchar(253),
    port                       integer      check (port between 1 and 65535),
    dbname                     varchar(255),
    ssl_mode                   varchar(16)
        check (ssl_mode in ('DISABLE', 'ALLOW', 'PREFER', 'REQUIRE', 'VERIFY_CA', 'VERIFY_FULL')),
    account                    varchar(255),
    database_name              varchar(255),
    warehouse_name             varchar(255),
    role_name                  varchar(255),
    client_session_keep_alive  boolean,
    gcp_project_id             varchar(30),
    location                   varchar(64),
    cluster                    varchar(255),
    method                     varchar(16)  check (method in ('HTTP', 'THRIFT', 'ODBC')),
    http_path                  varchar(500),
    catalog                    varchar(255),
    secret_path                varchar(500),
    secret_version             integer,
    secret_keys                varchar(200),
    secrets_updated_at         timestamptz,
    created_at                 timestamptz  not null,
    updated_at                 timestamptz  not null,
    version                    integer      not null,
    constraint warehouse_connection_name_key unique (name),
    constraint warehouse_connection_required_settings check (
        (warehouse = 'POSTGRES' and host is not null and port is not null and dbname is not null and ssl_mode is not null)
        or (warehouse = 'REDSHIFT' and host is not null and port is not null and dbname is not null)
        or (warehouse = 'SNOWFLAKE' and account is not null and database_name is not null and warehouse_name is not null
            and client_session_keep_alive is not null)
        or (warehouse = 'BIGQUERY' and gcp_project_id is not null and secret_path is not null and secret_version is not null)
        or (warehouse = 'SPARK' and host is not null and port is not null and cluster is not null and method is not null)
        or (warehouse = 'DATABRICKS' and host is not null and http_path is not null))
);
