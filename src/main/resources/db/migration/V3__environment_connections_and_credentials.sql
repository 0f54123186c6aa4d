-- An environment runs against one warehouse connection, may override parts of it (Snowflake role, database and
-- warehouse; Databricks catalog) and holds its deployment credentials. Secrets are not here: only where they
-- live in Vault (secret_path, secret_version) and the names of the fields that are set (secret_keys).

alter table environment
    add column connection_id      uuid constraint environment_connection_fk references warehouse_connection (id),
    add column override_role      varchar(255),
    add column override_database  varchar(255),
    add column override_warehouse varchar(255),
    add column override_catalog   varchar(255);

create index environment_connection_id_idx on environment (connection_id);

-- No "on delete cascade": credentials are removed by the service, which destroys their Vault secrets too.
create table environment_credentials (
    environment_id      uuid         primary key references environment (id),
    warehouse           varchar(16)  not null check (warehouse in ('POSTGRES', 'REDSHIFT', 'SNOWFLAKE', 'BIGQUERY', 'SPARK', 'DATABRICKS')),
    auth_method         varchar(16)  check (auth_method in ('PASSWORD', 'KEY_PAIR')),
    username            varchar(255),
    schema_name         varchar(255),
    dataset             varchar(1024),
    catalog             varchar(255),
    threads             integer      not null check (threads between 1 and 64),
    secret_path         varchar(500),
    secret_version      integer,
    secret_keys         varchar(200),
    secrets_updated_at  timestamptz,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null,
    version             integer      not null
);
