-- Vault paths (or single versions) to destroy, written in the same transaction that removes or supersedes what
-- referenced them. A worker destroys them after commit and deletes the row once Vault confirms; several replicas
-- share the work through row locks (FOR UPDATE SKIP LOCKED).
create table secret_outbox (
    id               bigint generated always as identity primary key,
    path             varchar(500) not null,
    version          integer check (version > 0),  -- null: every version and the metadata
    reason           varchar(100) not null,
    created_at       timestamptz  not null default now(),
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null default now(),
    last_failure     varchar(200)
);

create index secret_outbox_due_idx on secret_outbox (next_attempt_at);

-- An environment's warehouse is fixed by its first connection and kept when the connection is unlinked, so
-- credentials stay valid and only a connection of the same warehouse can come back.
alter table environment
    add column adapter_type varchar(16) check (adapter_type in ('POSTGRES', 'REDSHIFT', 'SNOWFLAKE', 'BIGQUERY', 'SPARK', 'DATABRICKS'));

update environment e set adapter_type = c.warehouse from warehouse_connection c where c.id = e.connection_id;

alter table environment
    add constraint environment_connection_needs_adapter check (connection_id is null or adapter_type is not null);
