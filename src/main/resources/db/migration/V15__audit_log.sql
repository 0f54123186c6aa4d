-- The audit log (README "Audit log"): one row per mutation call, allowed, denied or failed, with the names of the
-- fields it carried, never their values, and the ids it concerns in audit_event_target. Append-only for the service:
-- its runtime login may read and add rows, never change or remove them (the grants at the end).
create table audit_event (
    id                  uuid          primary key,
    occurred_at         timestamptz   not null default clock_timestamp(),
    -- text: whatever name the identity provider gives must not make a mutation fail
    actor               text          not null,
    role                varchar(32),
    action              varchar(100)  not null,
    outcome             varchar(10)   not null check (outcome in ('ALLOWED', 'DENIED', 'FAILED')),
    error_code          varchar(50),
    changed_fields      text[]        not null,
    request_reference   varchar(64),
    constraint audit_event_code_with_outcome check ((error_code is null) = (outcome = 'ALLOWED'))
);

-- newest first, and each filter with its time order
create index audit_event_time_idx on audit_event (occurred_at desc, id desc);
create index audit_event_actor_idx on audit_event (actor, occurred_at desc);
create index audit_event_action_idx on audit_event (action, occurred_at desc);

-- No foreign key to the records themselves: the audit of a deleted project stays.
create table audit_event_target (
    event_id    uuid          not null references audit_event (id),
    kind        varchar(20)   not null,
    target_id   uuid          not null,
    primary key (event_id, kind, target_id)
);

create index audit_event_target_lookup_idx on audit_event_target (kind, target_id, event_id);

-- V5's default privileges gave these tables SELECT, INSERT, UPDATE and DELETE: take the last two back
revoke update, delete, truncate on audit_event, audit_event_target from "${runtime_login}";
