package dev.envplane.environment;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.adapter.AdapterType;
import dev.envplane.database.Tracked;

/** Where and how dbt runs for a project. Also its GraphQL output type ({@code project} is resolved in batches). */
@Entity
@Table(name = "environment")
@Type("Environment")
@Description("Where and how dbt runs for a project: its type, dbt version and git branch.")
public class Environment extends Tracked {

    @jakarta.persistence.Id
    private UUID id;
    @Column(name = "project_id", updatable = false)
    private UUID projectId;
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private EnvironmentType type;
    @Enumerated(EnumType.STRING)
    @Column(name = "deployment_type")
    private DeploymentType deploymentType;
    @Column(name = "dbt_version")
    private String dbtVersion;
    @Column(name = "use_custom_branch")
    private boolean useCustomBranch;
    @Column(name = "custom_branch")
    private String customBranch;
    @Column(name = "target_name")
    private String targetName = TargetNames.DEFAULT;
    @Column(name = "connection_id")
    private UUID connectionId;
    @Enumerated(EnumType.STRING)
    @Column(name = "adapter_type")
    private AdapterType adapterType;
    @Embedded
    private ConnectionOverrides connectionOverrides;
    // text in V9: said here so that schema validation through the reactive driver accepts it (it reports no JDBC type for text)
    @Column(name = "extended_attributes", columnDefinition = "text")
    private String extendedAttributes;
    @Column(name = "defer_to_environment_id")
    private UUID deferToEnvironmentId;
    @Enumerated(EnumType.STRING)
    @Column(name = "defer_to_deployment_type")
    private DeploymentType deferToDeploymentType;

    protected Environment() {
    }

    Environment(UUID projectId, String name, EnvironmentType type) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.name = name;
        this.type = type;
    }

    @Id
    @NonNull
    public UUID getId() {
        return id;
    }

    @Ignore
    public UUID getProjectId() {
        return projectId;
    }

    @NonNull
    public String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    @NonNull
    public EnvironmentType getType() {
        return type;
    }

    @Description("PRODUCTION, STAGING or GENERAL for deployment environments; null for the development environment.")
    public DeploymentType getDeploymentType() {
        return deploymentType;
    }

    void setDeploymentType(DeploymentType deploymentType) {
        this.deploymentType = deploymentType;
    }

    @NonNull
    @Description("A release track (latest, compatible, extended, fallback, latest-fusion, fusion-*) or a minor version (X.Y, X.Y.0-latest, X.Y.0-pre)")
    public String getDbtVersion() {
        return dbtVersion;
    }

    void setDbtVersion(String dbtVersion) {
        this.dbtVersion = dbtVersion;
    }

    public boolean isUseCustomBranch() {
        return useCustomBranch;
    }

    public String getCustomBranch() {
        return customBranch;
    }

    void setCustomBranch(String customBranch) {
        this.useCustomBranch = customBranch != null;
        this.customBranch = customBranch;
    }

    @NonNull
    @Description("dbt's target.name for runs here (dbt build --target <targetName>); default \"default\".")
    public String getTargetName() {
        return targetName;
    }

    void setTargetName(String targetName) {
        this.targetName = targetName;
    }

    @Description("dbt profile keys, as YAML, that override this environment's resolved target; null when none.")
    public String getExtendedAttributes() {
        return extendedAttributes;
    }

    void setExtendedAttributes(String extendedAttributes) {
        this.extendedAttributes = extendedAttributes;
    }

    @Ignore
    public UUID getConnectionId() {
        return connectionId;
    }

    @Description("The dbt adapter this environment runs on: set by its first connection and never changed (its credentials "
            + "depend on it); null until a connection is linked.")
    public AdapterType getAdapterType() {
        return adapterType;
    }

    /** Links a connection (or none) of {@code adapterType}; the caller has checked that it matches. */
    void link(UUID connectionId, AdapterType adapterType) {
        this.connectionId = connectionId;
        this.adapterType = adapterType;
    }

    @Description("What this environment overrides of its connection; null when nothing.")
    public ConnectionOverrides getConnectionOverrides() {
        return connectionOverrides == null || connectionOverrides.isEmpty() ? null : connectionOverrides;
    }

    void setConnectionOverrides(ConnectionOverrides connectionOverrides) {
        this.connectionOverrides = connectionOverrides;
    }

    @Description("The environment whose state dbt defers to, as set; null when it does not defer. DeploymentTarget.deferTo "
            + "resolves it.")
    public DeferTo getDeferTo() {
        return deferToEnvironmentId == null && deferToDeploymentType == null ? null : new DeferTo(deferToEnvironmentId, deferToDeploymentType);
    }

    void setDeferTo(DeferTo deferTo) {
        this.deferToEnvironmentId = deferTo == null ? null : deferTo.environmentId();
        this.deferToDeploymentType = deferTo == null ? null : deferTo.deploymentType();
    }
}
