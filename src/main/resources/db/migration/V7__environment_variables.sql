-- Environment variables as dbt Cloud has them: defined per project, with values per scope (the project default, or
-- one environment; a JOB scope can be added with its own column and partial unique index). Secret values
-- (DBT_ENV_SECRET_*) are not here: only where they live in Vault (secret_path, secret_version) and whether one is
-- set (secret_keys holds "value" when it is).
create table environment_variable (
    id          uuid         primary key,
    project_id  uuid         not null references project (id),
    name        varchar(255) not null check (name ~ '^DBT_[A-Za-z0-9_]+$'),
    secret      boolean      not null,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     integer      not null,
    constraint environment_variable_project_name_key unique (project_id, name)
);

-- No "on delete cascade": values are removed by the service, which destroys their Vault secrets too.
create table environment_variable_value (
    id                  uuid          primary key,
    variable_id         uuid          not null references environment_variable (id),
    scope               varchar(16)   not null check (scope in ('PROJECT_DEFAULT', 'ENVIRONMENT')),
    environment_id      uuid          references environment (id),
    value               varchar(10000),
    secret_path         varchar(500),
    secret_version      integer,
    secret_keys         varchar(200),
    secrets_updated_at  timestamptz,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             integer       not null,
    constraint environment_variable_value_scope_target check ((scope = 'ENVIRONMENT') = (environment_id is not null)),
    constraint environment_variable_value_plain_or_secret check (value is null or secret_path is null)
);

create unique index environment_variable_value_one_default on environment_variable_value (variable_id)
    where scope = 'PROJECT_DEFAULT';
create unique index environment_variable_value_one_per_environment on environment_variable_value (variable_id, environment_id)
    where scope = 'ENVIRONMENT';
create index environment_variable_value_environment_idx on environment_variable_value (environment_id);
