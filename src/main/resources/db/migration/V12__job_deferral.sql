-- A job may defer to an environment of its project (its own included), like an environment (V11): by id or by
-- deployment type, resolved when read; at most one of the two, and no foreign key for the same reason.
alter table job
    add column defer_to_environment_id uuid,
    add column defer_to_deployment_type varchar(20),
    add constraint job_defer_to_one check (defer_to_environment_id is null or defer_to_deployment_type is null);
