package dev.envplane.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.envplane.api.Ids;
import dev.envplane.api.PageRequest;
import dev.envplane.api.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Reads a page of audit events with their targets: one statement per page. */
@ApplicationScoped
class AuditEventReader {

    /** Ids and times as text and microseconds: plain types whatever the driver makes of uuid and timestamptz. */
    private static final String SELECT = """
            select cast(e.id as text), cast(extract(epoch from e.occurred_at) * 1000000 as bigint), e.actor, e.role, e.action,
                   e.outcome, e.error_code, array_to_string(e.changed_fields, ','),  e.request_reference,
                   (select string_agg(t.kind || ':' || t.target_id, ',' order by t.kind, t.target_id)
                    from audit_event_target t where t.event_id = e.id)
            from audit_event e where true""";

    Uni<List<AuditEvent>> page(AuditEventFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder(SELECT);
        Map<String, Object> params = new HashMap<>();
        if (filter != null) {
            appendFilter(filter, sql, params);
        }
        if (page.hasAfter()) {
            sql.append(" and (e.occurred_at, e.id) < (:afterTime, :afterId)");
            params.put("afterTime", cursorTime(page.afterName()));
            params.put("afterId", page.afterId());
        }
        sql.append(" order by e.occurred_at desc, e.id desc limit :limit");
        params.put("limit", page.fetchSize());
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql.toString(), Object[].class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }).map(rows -> rows.stream().map(AuditEventReader::event).toList());
    }

    private static void appendFilter(AuditEventFilter filter, StringBuilder sql, Map<String, Object> params) {
        if (filter.actor() != null) {
            sql.append(" and e.actor = :actor");
            params.put("actor", filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" and e.action = :action");
            params.put("action", filter.action());
        }
        if (filter.outcome() != null) {
            sql.append(" and e.outcome = :outcome");
            params.put("outcome", filter.outcome().name());
        }
        if (filter.from() != null) {
            sql.append(" and e.occurred_at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" and e.occurred_at < :to");
            params.put("to", filter.to());
        }
        if (filter.projectId() != null) {
            appendTarget(TargetKind.PROJECT, Ids.parse("filter.projectId", filter.projectId()), sql, params);
        }
        if (filter.environmentId() != null) {
            appendTarget(TargetKind.ENVIRONMENT, Ids.parse("filter.environmentId", filter.environmentId()), sql, params);
        }
    }

    private static void appendTarget(TargetKind kind, UUID id, StringBuilder sql, Map<String, Object> params) {
        String name = kind.name().toLowerCase();
        sql.append(" and exists (select 1 from audit_event_target t where t.event_id = e.id and t.kind = '").append(kind.name())
                .append("' and t.target_id = :").append(name).append(')');
        params.put(name, id);
    }

    private static Instant cursorTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException malformed) {
            throw new ValidationException("after", "after is not a cursor returned by this API");
        }
    }

    private static AuditEvent event(Object[] row) {
        long micros = ((Number) row[1]).longValue();
        Instant occurredAt = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        List<AuditTarget> targets = AuditLog.split((String) row[9]).stream().map(pair -> {
            String[] parts = pair.split(":", 2);
            return new AuditTarget(TargetKind.valueOf(parts[0]), UUID.fromString(parts[1]));
        }).toList();
        return new AuditEvent(UUID.fromString((String) row[0]), occurredAt, (String) row[2], (String) row[3], (String) row[4],
                AuditOutcome.valueOf((String) row[5]), (String) row[6], List.copyOf(AuditLog.split((String) row[7])),
                (String) row[8], targets);
    }
}
