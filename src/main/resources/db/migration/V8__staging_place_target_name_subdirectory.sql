-- At most one STAGING environment per project, like PRODUCTION: cross-project references and deferral resolve to
-- "the" staging environment of a project.
create unique index environment_one_staging_per_project on environment (project_id) where deployment_type = 'STAGING';

-- dbt's target.name for runs in this environment (dbt Cloud's default is "default").
alter table environment add column target_name varchar(64) not null default 'default';

-- Where dbt_project.yml lives inside the repository, when not at its root.
alter table project add column dbt_project_subdirectory varchar(255);
