package dev.envplane.mesh;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import dev.envplane.environment.DeploymentType;

/** One edge of the project graph: {@code projectId} references models of {@code upstreamProjectId}. */
@Entity
@Table(name = "project_upstream")
@Type("ProjectUpstream")
@Description("A project this project references (dbt Mesh), and how its environments choose the upstream's environment.")
public class ProjectUpstream {

    @jakarta.persistence.Id
    private UUID id;
    @Column(name = "project_id", updatable = false)
    private UUID projectId;
    @Column(name = "upstream_project_id", updatable = false)
    private UUID upstreamProjectId;
    @Column(name = "staging_may_read_production")
    private boolean stagingMayReadProduction;
    @Enumerated(EnumType.STRING)
    @Column(name = "general_reads")
    private DeploymentType generalReads;

    protected ProjectUpstream() {
    }

    ProjectUpstream(UUID projectId, UUID upstreamProjectId, boolean stagingMayReadProduction, DeploymentType generalReads) {
        this.id = UUID.randomUUID();
        this.projectId = projectId;
        this.upstreamProjectId = upstreamProjectId;
        this.stagingMayReadProduction = stagingMayReadProduction;
        this.generalReads = generalReads;
    }

    @Ignore
    public UUID getProjectId() {
        return projectId;
    }

    @Ignore
    public UUID getUpstreamProjectId() {
        return upstreamProjectId;
    }

    @Description("When the upstream has no STAGING environment, this project's STAGING environment reads its PRODUCTION one. "
            + "False: that is an error instead (staging never silently reads production data).")
    public boolean isStagingMayReadProduction() {
        return stagingMayReadProduction;
    }

    @NonNull
    @Description("What a GENERAL environment of this project reads of the upstream: PRODUCTION or STAGING.")
    public DeploymentType getGeneralReads() {
        return generalReads;
    }
}
