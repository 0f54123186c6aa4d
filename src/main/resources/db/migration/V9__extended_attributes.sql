-- An environment's extended attributes: YAML of dbt profile keys that override its resolved target, as written
-- (checked against the adapter's profile keys; secrets only as env_var() references to secret variables).
alter table environment add column extended_attributes text;
