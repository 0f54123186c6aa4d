-- dbt Mesh: a project declares the projects it references (its upstreams). The edge says what a STAGING environment
-- may read when the upstream has no staging one (never production unless allowed here) and what a GENERAL
-- environment reads. A project's deletion takes its edges, both ways, with it.
create table project_upstream (
    id                          uuid         primary key,
    project_id                  uuid         not null references project (id) on delete cascade,
    upstream_project_id         uuid         not null references project (id) on delete cascade,
    staging_may_read_production boolean      not null,
    general_reads               varchar(20)  not null check (general_reads in ('PRODUCTION', 'STAGING')),
    constraint project_upstream_pair_key unique (project_id, upstream_project_id),
    constraint project_upstream_not_itself check (project_id <> upstream_project_id)
);

create index project_upstream_upstream_idx on project_upstream (upstream_project_id);
