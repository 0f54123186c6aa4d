-- An environment may defer to another environment of its project: by id, or by deployment type (resolved when a
-- target is read, so "defer to STAGING" follows whichever environment holds that place then). At most one of the two.
-- No foreign key on the id: deleting the deferred environment must not delete or silently change the deferral; the
-- target then answers an error naming the missing environment.
alter table environment
    add column defer_to_environment_id uuid,
    add column defer_to_deployment_type varchar(20),
    add constraint environment_defer_to_one check (defer_to_environment_id is null or defer_to_deployment_type is null);
