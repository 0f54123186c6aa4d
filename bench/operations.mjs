// The operations bench/run.sh drives. Adding one is one entry: the document and variables for envplane and for
// PostGraphile (same database, its own schema), and for each a function that reduces the answer's data to the
// essential fields in one common shape, which must be equal for every server before anything is measured.
//
// ctx (from the seeded data): environmentId (a staging environment), projectName (its project), pageSize.

const snowflake = '... on SnowflakeConnection { id name account database warehouse role }';
const credentials = '... on SnowflakeCredentials { authMethod username schema privateKeySet secretVersion }';
const pgConnection = 'warehouseConnectionByConnectionId { rowId name account databaseName warehouseName roleName }';
const pgCredentials = 'environmentCredentialByEnvironmentId { authMethod username schemaName secretKeys secretVersion }';

// The common shape
const connectionOf = (c) => c && { id: c.id, name: c.name, account: c.account, database: c.database, warehouse: c.warehouse, role: c.role };
const pgConnectionOf = (c) => c && { id: c.rowId, name: c.name, account: c.account, database: c.databaseName, warehouse: c.warehouseName, role: c.roleName };
const credentialsOf = (c) => c && { authMethod: c.authMethod, username: c.username, schema: c.schema, privateKeySet: c.privateKeySet, secretVersion: c.secretVersion };
// The database keeps the names of the secrets set (comma-separated); envplane shows them as *Set flags.
const pgCredentialsOf = (c) => c && { authMethod: c.authMethod, username: c.username, schema: c.schemaName,
  privateKeySet: (c.secretKeys || '').split(',').includes('privateKey'), secretVersion: c.secretVersion };
const overridesOf = (o) => o && { database: o.database ?? null, role: o.role ?? null, warehouse: o.warehouse ?? null };

// deploymentTarget: what a runner needs, reduced to the rows it is made of. envplane renders the profile's keys (an
// override wins over the connection) and the git ref (the custom branch, else the project's default branch);
// PostGraphile answers the rows, and the same rules are applied here to compare them.
const targetFields = `environment { id } targetName threads dbtVersion git { repositoryUrl ref subdirectory }
  fields { key value secret } secrets { profileKey version }`;
const targetOf = (t) => {
  const value = (key) => t.fields.find((f) => f.key === key && !f.secret)?.value ?? null;
  return { id: t.environment.id, targetName: t.targetName, threads: t.threads, dbtVersion: t.dbtVersion, git: t.git,
    account: value('account'), database: value('database'), warehouse: value('warehouse'), role: value('role'),
    user: value('user'), schema: value('schema'), secrets: t.secrets.map((s) => ({ key: s.profileKey, version: s.version })) };
};
const pgTargetFields = `rowId targetName dbtVersion useCustomBranch customBranch overrideDatabase overrideRole overrideWarehouse
  ${pgConnection} environmentCredentialByEnvironmentId { username schemaName threads secretKeys secretVersion }`;
// secret_keys holds the credentials' secret names (privateKey); the profile key dbt reads each from
const profileKeyOf = { privateKey: 'private_key', password: 'password', privateKeyPassphrase: 'private_key_passphrase' };
const pgTargetOf = (p, e) => {
  const c = e.warehouseConnectionByConnectionId;
  const k = e.environmentCredentialByEnvironmentId;
  return { id: e.rowId, targetName: e.targetName, threads: k.threads, dbtVersion: e.dbtVersion,
    git: { repositoryUrl: p.repositoryUrl, ref: e.useCustomBranch ? e.customBranch : p.defaultBranch, subdirectory: p.dbtProjectSubdirectory },
    account: c.account, database: e.overrideDatabase ?? c.databaseName, warehouse: e.overrideWarehouse ?? c.warehouseName,
    role: e.overrideRole ?? c.roleName, user: k.username, schema: k.schemaName,
    secrets: (k.secretKeys || '').split(',').filter(Boolean).map((name) => ({ key: profileKeyOf[name] ?? name, version: k.secretVersion })) };
};
const pgOverridesOf = (e) => (e.overrideDatabase || e.overrideRole || e.overrideWarehouse)
  ? { database: e.overrideDatabase, role: e.overrideRole, warehouse: e.overrideWarehouse } : null;

export const operations = [
  {
    name: 'environment',
    title: '`environment(id)` with connection and credentials',
    envplane: {
      query: `query($id: ID!) { environment(id: $id) { id name type deploymentType dbtVersion customBranch
        connection { ${snowflake} } credentials { ${credentials} } } }`,
      variables: (ctx) => ({ id: ctx.environmentId }),
      essentials: ({ environment: e }) => ({ id: e.id, name: e.name, type: e.type, deploymentType: e.deploymentType,
        dbtVersion: e.dbtVersion, customBranch: e.customBranch, connection: connectionOf(e.connection), credentials: credentialsOf(e.credentials) }),
    },
    postgraphile: {
      query: `query($id: UUID!) { environmentByRowId(rowId: $id) { rowId name type deploymentType dbtVersion customBranch
        ${pgConnection} ${pgCredentials} } }`,
      variables: (ctx) => ({ id: ctx.environmentId }),
      essentials: ({ environmentByRowId: e }) => ({ id: e.rowId, name: e.name, type: e.type, deploymentType: e.deploymentType,
        dbtVersion: e.dbtVersion, customBranch: e.customBranch, connection: pgConnectionOf(e.warehouseConnectionByConnectionId),
        credentials: pgCredentialsOf(e.environmentCredentialByEnvironmentId) }),
    },
  },
  {
    name: 'projects',
    title: '`projects(first: 50)` with environments and their connection',
    envplane: {
      query: `query($first: Int) { projects(first: $first) { edges { node { id name
        environments { id name deploymentType connection { ${snowflake} } } } } } }`,
      variables: (ctx) => ({ first: ctx.pageSize }),
      essentials: ({ projects }) => projects.edges.map(({ node: p }) => ({ id: p.id, name: p.name,
        environments: p.environments.map((e) => ({ id: e.id, name: e.name, deploymentType: e.deploymentType, connection: connectionOf(e.connection) })) })),
    },
    postgraphile: {
      query: `query($first: Int) { allProjects(first: $first, orderBy: NAME_ASC) { edges { node { rowId name
        environmentsByProjectId { nodes { rowId name deploymentType ${pgConnection} } } } } } }`,
      variables: (ctx) => ({ first: ctx.pageSize }),
      essentials: ({ allProjects }) => allProjects.edges.map(({ node: p }) => ({ id: p.rowId, name: p.name,
        environments: p.environmentsByProjectId.nodes.map((e) => ({ id: e.rowId, name: e.name, deploymentType: e.deploymentType,
          connection: pgConnectionOf(e.warehouseConnectionByConnectionId) })) })),
    },
  },
  {
    name: 'staging',
    title: 'staging environment of a project by name, with connection, overrides and credentials',
    envplane: {
      query: `query($name: String!) { projectByName(name: $name) { id name staging: environments(deploymentType: STAGING) {
        id name dbtVersion customBranch connection { ${snowflake} } connectionOverrides { database role warehouse }
        credentials { ${credentials} } } } }`,
      variables: (ctx) => ({ name: ctx.projectName }),
      essentials: ({ projectByName: p }) => ({ id: p.id, name: p.name, staging: p.staging.map((e) => ({ id: e.id, name: e.name,
        dbtVersion: e.dbtVersion, customBranch: e.customBranch, connection: connectionOf(e.connection),
        overrides: overridesOf(e.connectionOverrides), credentials: credentialsOf(e.credentials) })) }),
    },
    postgraphile: {
      // PostGraphile offers conditions on indexed columns only: deployment_type has no index of its own, so the
      // staging environment is asked for by its name ((project_id, name) is unique); every seeded one is "Staging".
      query: `query($name: String!) { projectByName(name: $name) { rowId name environmentsByProjectId(condition: {name: "Staging"}) {
        nodes { rowId name dbtVersion customBranch overrideDatabase overrideRole overrideWarehouse ${pgConnection} ${pgCredentials} } } } }`,
      variables: (ctx) => ({ name: ctx.projectName }),
      essentials: ({ projectByName: p }) => ({ id: p.rowId, name: p.name, staging: p.environmentsByProjectId.nodes.map((e) => ({
        id: e.rowId, name: e.name, dbtVersion: e.dbtVersion, customBranch: e.customBranch,
        connection: pgConnectionOf(e.warehouseConnectionByConnectionId), overrides: pgOverridesOf(e),
        credentials: pgCredentialsOf(e.environmentCredentialByEnvironmentId) })) }),
    },
  },
  {
    name: 'deploymentTarget',
    title: '`deploymentTarget` of a project\'s staging and production environments',
    envplane: {
      query: `query($name: String!) {
        staging: deploymentTarget(project: {name: $name}, environment: {deploymentType: STAGING}) { ${targetFields} }
        production: deploymentTarget(project: {name: $name}, environment: {deploymentType: PRODUCTION}) { ${targetFields} } }`,
      variables: (ctx) => ({ name: ctx.projectName }),
      essentials: ({ staging, production }) => ({ staging: targetOf(staging), production: targetOf(production) }),
    },
    postgraphile: {
      // by name, as for 'staging' above: the seeded staging and production environments are "Staging" and "Production"
      query: `query($name: String!) { projectByName(name: $name) { repositoryUrl defaultBranch dbtProjectSubdirectory
        staging: environmentsByProjectId(condition: {name: "Staging"}) { nodes { ${pgTargetFields} } }
        production: environmentsByProjectId(condition: {name: "Production"}) { nodes { ${pgTargetFields} } } } }`,
      variables: (ctx) => ({ name: ctx.projectName }),
      essentials: ({ projectByName: p }) => ({ staging: pgTargetOf(p, p.staging.nodes[0]), production: pgTargetOf(p, p.production.nodes[0]) }),
    },
  },
];
