package dev.envplane.target;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import dev.envplane.adapter.Adapter;
import dev.envplane.adapter.Adapters;
import dev.envplane.adapter.CredentialField;
import dev.envplane.adapter.ProfileKey;
import dev.envplane.adapter.StoredSettings;
import dev.envplane.environment.ConnectionOverrides;
import dev.envplane.environment.DeploymentType;
import dev.envplane.environment.Environment;
import dev.envplane.environment.ExtendedAttributes;
import dev.envplane.project.Project;
import dev.envplane.secrets.SecretReference;
import dev.envplane.variable.ResolvedVariable;

/**
 * Turns an environment, its project, connection and credentials into a {@link DeploymentTarget}, by the adapter's
 * profile mapping: each profiles.yml key takes the first of its sources that has a value. Secrets become
 * {@code {{ env_var('DBT_ENV_SECRET_...') }}} references and Vault locations; no value is ever read.
 */
final class ProfileRenderer {

    private final String mount;

    ProfileRenderer(String mount) {
        this.mount = mount;
    }

    /**
     * What a target is made of; {@code connection} and {@code credentials} may be null (not set up yet); {@code job}
     * only in a job's target: its settings override the environment's (target name, threads), and extended attributes
     * still win over every other source.
     */
    record Parts(Environment environment, Project project, StoredSettings connection, StoredSettings credentials,
            List<ResolvedVariable> variables, JobSettings job) {
    }

    /** A job's overrides of its environment's target; null where the job keeps the environment's. */
    record JobSettings(String targetNameOverride, Integer threads) {
    }

    DeploymentTarget render(Parts parts) {
        Environment environment = parts.environment();
        Project project = parts.project();
        List<ProfileField> fields = new ArrayList<>();
        List<SecretLocation> secrets = new ArrayList<>();
        Map<String, Object> output = new LinkedHashMap<>();
        if (environment.getAdapterType() != null) {
            Adapter adapter = Adapters.of(environment.getAdapterType());
            for (ProfileKey key : adapter.profile()) {
                resolve(key, parts, fields, secrets, output);
            }
            if (parts.job() != null && parts.job().threads() != null) {
                output.put("threads", parts.job().threads());
                fields.removeIf(field -> field.key().equals("threads"));
                fields.add(new ProfileField("threads", String.valueOf(parts.job().threads()), false, ProfileFieldSource.JOB));
            }
            applyExtendedAttributes(adapter, environment, fields, secrets, output);
        }
        List<TargetVariable> variables = new ArrayList<>(builtIns(environment));
        parts.variables().forEach(variable -> variables.add(variable(variable)));
        String profileName = profileName(project.getName());
        String targetName = parts.job() != null && parts.job().targetNameOverride() != null ? parts.job().targetNameOverride()
                : environment.getTargetName();
        String yaml = yaml(profileName, targetName, output);
        GitTarget git = new GitTarget(project.getRepositoryUrl(),
                environment.isUseCustomBranch() ? environment.getCustomBranch() : project.getDefaultBranch(), project.getDbtProjectSubdirectory());
        TreeSet<String> required = new TreeSet<>();
        secrets.forEach(secret -> required.add(secret.environmentVariable()));
        variables.forEach(variable -> required.add(variable.name()));
        List<String> missing = new ArrayList<>();
        if (parts.connection() == null) {
            missing.add("connection");
        }
        if (parts.credentials() == null) {
            missing.add("credentials");
        }
        int threads = parts.job() != null && parts.job().threads() != null ? parts.job().threads()
                : parts.credentials() == null ? CredentialField.DEFAULT_THREADS : (Integer) parts.credentials().value("threads");
        return new DeploymentTarget(environment, profileName, targetName, environment.getAdapterType(), threads,
                environment.getDbtVersion(), git, fields, secrets, variables, List.copyOf(required), missing, yaml,
                fingerprint(yaml, git, environment.getDbtVersion(), secrets, variables));
    }

    private void resolve(ProfileKey key, Parts parts, List<ProfileField> fields, List<SecretLocation> secrets, Map<String, Object> output) {
        for (ProfileKey.Source source : key.sources()) {
            Object value = null;
            ProfileFieldSource from = null;
            SecretLocation secret = null;
            switch (source.kind()) {
                case CONSTANT -> {
                    value = source.value();
                    from = ProfileFieldSource.DEFAULT;
                }
                case CONNECTION -> {
                    value = parts.connection() == null ? null : parts.connection().value(source.name());
                    from = ProfileFieldSource.CONNECTION;
                }
                case OVERRIDE -> {
                    ConnectionOverrides overrides = parts.environment().getConnectionOverrides();
                    value = overrides == null ? null : overrides.value(source.name());
                    from = ProfileFieldSource.OVERRIDE;
                }
                case CREDENTIALS -> {
                    value = parts.credentials() == null ? null : parts.credentials().value(source.name());
                    from = ProfileFieldSource.CREDENTIALS;
                }
                case SECRET -> {
                    secret = locate(key, source, parts.credentials(), SecretDelivery.VALUE);
                    from = ProfileFieldSource.CREDENTIALS;
                }
                case SECRET_FILE -> {
                    secret = locate(key, source, parts.connection(), SecretDelivery.FILE);
                    from = ProfileFieldSource.CONNECTION;
                }
            }
            if (secret != null) {
                value = "{{ env_var('" + secret.environmentVariable() + "') }}";
                secrets.add(secret);
            }
            if (value != null) {
                Object written = yamlValue(key.format().apply(value));
                output.put(key.key(), written);
                fields.add(new ProfileField(key.key(), String.valueOf(written), secret != null, from));
                return;
            }
        }
    }

    /**
     * Extended attributes win over every other source (as in dbt Cloud). A secret key there is an env_var() reference
     * to a secret variable of the project; the variable, not the credentials, then supplies the secret.
     */
    private static void applyExtendedAttributes(Adapter adapter, Environment environment, List<ProfileField> fields,
            List<SecretLocation> secrets, Map<String, Object> output) {
        ExtendedAttributes.parse(environment.getExtendedAttributes()).forEach((key, value) -> {
            Object written = yamlValue(value);
            boolean secret = adapter.isSecretProfileKey(key);
            output.put(key, written);
            fields.removeIf(field -> field.key().equals(key));
            fields.add(new ProfileField(key, String.valueOf(written), secret, ProfileFieldSource.EXTENDED_ATTRIBUTES));
            if (secret) {
                secrets.removeIf(location -> location.profileKey().equals(key));
            }
        });
    }

    /** Where a secret the profile needs is, when the stored settings have it. */
    private SecretLocation locate(ProfileKey key, ProfileKey.Source source, StoredSettings settings, SecretDelivery delivery) {
        if (settings == null || !settings.secrets().has(source.name())) {
            return null;
        }
        SecretReference reference = settings.secrets();
        return new SecretLocation(key.key(), source.envVar(), delivery, mount, reference.path(), source.name(), reference.version());
    }

    /** A project variable after precedence; a secret one comes with its Vault location, not its value. */
    private TargetVariable variable(ResolvedVariable variable) {
        VariableSource source = switch (variable.getSource()) {
            case PROJECT_DEFAULT -> VariableSource.PROJECT_DEFAULT;
            case ENVIRONMENT -> VariableSource.ENVIRONMENT;
            case JOB -> VariableSource.JOB;
        };
        SecretLocation location = variable.isSecret() ? new SecretLocation(variable.getName(), variable.getName(), SecretDelivery.VALUE, mount,
                variable.getSecretPath(), variable.getSecretKey(), variable.getSecretVersion()) : null;
        return new TargetVariable(variable.getName(), variable.getValue(), variable.isSecret(), source, location);
    }

    /** dbt Cloud's built-in variables, which a project's code may read. */
    private static List<TargetVariable> builtIns(Environment environment) {
        String type = environment.getDeploymentType() == null ? "dev"
                : environment.getDeploymentType() == DeploymentType.PRODUCTION ? "prod"
                : environment.getDeploymentType() == DeploymentType.STAGING ? "staging" : "";
        return List.of(new TargetVariable("DBT_CLOUD_ENVIRONMENT_NAME", environment.getName(), false, VariableSource.BUILT_IN, null),
                new TargetVariable("DBT_CLOUD_ENVIRONMENT_TYPE", type, false, VariableSource.BUILT_IN, null),
                new TargetVariable("DBT_ENV", "prod", false, VariableSource.BUILT_IN, null));
    }

    /** dbt profile names are YAML keys; the project's name in lowercase with every other character as _. */
    static String profileName(String projectName) {
        String name = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        return name.isEmpty() || !Character.isLetter(name.charAt(0)) ? "project_" + name : name;
    }

    /** Numbers and booleans as YAML scalars of their type; everything else (enums included) as text. */
    private static Object yamlValue(Object value) {
        return value instanceof Number || value instanceof Boolean ? value : String.valueOf(value);
    }

    private static String yaml(String profileName, String targetName, Map<String, Object> output) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("target", targetName);
        profile.put("outputs", Map.of(targetName, output));
        return new Yaml(options).dump(Map.of(profileName, profile));
    }

    private static String fingerprint(String yaml, GitTarget git, String dbtVersion, List<SecretLocation> secrets, List<TargetVariable> variables) {
        StringBuilder canonical = new StringBuilder(yaml).append('\n').append(git).append('\n').append(dbtVersion);
        secrets.forEach(secret -> canonical.append('\n').append(secret));
        variables.forEach(variable -> canonical.append('\n').append(variable));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
