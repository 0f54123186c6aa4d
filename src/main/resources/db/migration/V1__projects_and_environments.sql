-- Projects and their environments. The rules that must hold under concurrency live here, in constraints and
-- indexes, so two racing requests can never both win.

create table project (
    id              uuid         primary key,
    name            varchar(100) not null,
    description     varchar(1000),
    repository_url  varchar(500),
    default_branch  varchar(255) not null,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         integer      not null,
    constraint project_name_key unique (name)
);

create table environment (
    id                 uuid         primary key,
    project_id         uuid         not null references project (id) on delete cascade,
    name               varchar(100) not null,
    type               varchar(16)  not null check (type in ('DEVELOPMENT', 'DEPLOYMENT')),
    deployment_type    varchar(16)  check (deployment_type in ('PRODUCTION', 'STAGING', 'GENERAL')),
    dbt_version        varchar(32)  not null,
    use_custom_branch  boolean      not null,
    custom_branch      varchar(255),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            integer      not null,
    constraint environment_project_name_key unique (project_id, name),
    constraint environment_deployment_type_matches_type check (
        (type = 'DEVELOPMENT' and deployment_type is null) or (type = 'DEPLOYMENT' and deployment_type is not null)),
    constraint environment_custom_branch_matches_flag check (use_custom_branch = (custom_branch is not null))
);

-- At most one development and at most one production environment per project.
create unique index environment_one_development_per_project on environment (project_id) where type = 'DEVELOPMENT';
create unique index environment_one_production_per_project on environment (project_id) where deployment_type = 'PRODUCTION';
