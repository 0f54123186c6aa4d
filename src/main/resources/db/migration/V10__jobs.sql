-- dbt jobs: each runs in one deployment environment of its project. Steps are dbt commands already parsed and
-- normalised by the service, one per line (a command never holds a line break). Triggers are one column each so
-- that filtering by trigger is a plain indexed-friendly predicate. No "on delete cascade": the environment's
-- deletion removes its jobs in the service, in the same transaction, and can report them first (dry run).
create table job (
    id                      uuid          primary key,
    project_id              uuid          not null references project (id),
    environment_id          uuid          not null references environment (id),
    name                    varchar(255)  not null,
    steps                   varchar(20000) not null,
    trigger_schedule        boolean       not null,
    trigger_git_push        boolean       not null,
    trigger_pull_request    boolean       not null,
    trigger_manual          boolean       not null,
    schedule                varchar(200),
    target_name_override    varchar(64),
    threads                 integer       check (threads between 1 and 64),
    generate_docs           boolean       not null,
    run_source_freshness    boolean       not null,
    created_at              timestamptz   not null,
    updated_at              timestamptz   not null,
    version                 integer       not null,
    constraint job_schedule_with_trigger check ((schedule is not null) = trigger_schedule)
);

create index job_project_name_idx on job (project_id, name, id);
create index job_environment_name_idx on job (environment_id, name, id);
