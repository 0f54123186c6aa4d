-- Two database logins: the migration login that runs Flyway owns the schema (creates, alters, drops); the
-- service's runtime login only reads and writes rows. ${runtime_login} is ENVPLANE_DB_RUNTIME_LOGIN.
-- The operator creates the runtime login beforehand (deploy/README.md); where it does not exist (tests, the
-- local default) a role without login stands in, so that the grants below always have a grantee.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${runtime_login}') THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN', '${runtime_login}');
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO "${runtime_login}";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "${runtime_login}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "${runtime_login}";
-- Flyway's bookkeeping is the migration login's business only
REVOKE ALL ON flyway_schema_history FROM "${runtime_login}";
-- Tables and sequences the migration login creates in later migrations get the same grants
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "${runtime_login}";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${runtime_login}";
-- PostgreSQL 14 lets every role create tables in public; 15+ no longer does. Without ownership of the schema
-- this only warns, and the runtime login then still has no CREATE of its own.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
