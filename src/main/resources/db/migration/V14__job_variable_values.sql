-- Job-level environment variable values, the top of the precedence (job > environment > project default). A job's
-- value is keyed by the job alone, not its environment, so moveJobs keeps it. As for the other scopes, a secret
-- value is in Vault and the row holds only its reference. No "on delete cascade": the job's deletion (or its
-- environment's, or its project's) removes the values in the service and queues their Vault paths.
-- Altering a table keeps the runtime login's grants (V5); nothing new to grant.
alter table environment_variable_value
    add column job_id uuid references job (id),
    drop constraint environment_variable_value_scope_check,
    drop constraint environment_variable_value_scope_target,
    add constraint environment_variable_value_scope_check check (scope in ('PROJECT_DEFAULT', 'ENVIRONMENT', 'JOB')),
    add constraint environment_variable_value_scope_target check (
        (scope = 'PROJECT_DEFAULT' and environment_id is null and job_id is null)
        or (scope = 'ENVIRONMENT' and environment_id is not null and job_id is null)
        or (scope = 'JOB' and job_id is not null and environment_id is null));

-- At most one value per (variable, job); concurrent writers of the same value meet here.
create unique index environment_variable_value_one_per_job on environment_variable_value (variable_id, job_id)
    where scope = 'JOB';
-- Deleting a job looks its values up by job.
create index environment_variable_value_job_idx on environment_variable_value (job_id) where job_id is not null;
