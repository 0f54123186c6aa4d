package dev.envplane.adapter;

import org.eclipse.microprofile.graphql.Description;

@Description("PostgreSQL's sslmode: how strictly the connection insists on TLS.")
public enum SslMode {
    DISABLE,
    ALLOW,
    PREFER,
    REQUIRE,
    VERIFY_CA,
    VERIFY_FULL
}
