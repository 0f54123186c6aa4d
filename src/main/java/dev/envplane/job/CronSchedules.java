package dev.envplane.job;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import dev.envplane.api.ValidationException;

/**
 * Job schedules: classic 5-field Unix cron (minute hour day-of-month month day-of-week), in UTC, read by cron-utils
 * (parsing, the description in words and the next run times all come from the one definition).
 */
final class CronSchedules {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private CronSchedules() {
    }

    /** The schedule with single spaces between its five fields; refuses anything cron-utils does not accept. */
    static String check(String field, String schedule) {
        String normalised = String.join(" ", schedule.strip().split("\\s+"));
        if (normalised.split(" ").length != 5) {
            throw new ValidationException(field, field + " must have 5 fields: minute hour day-of-month month day-of-week");
        }
        try {
            parse(normalised).validate();
        } catch (RuntimeException invalid) {
            // cron-utils' message quotes the expression: say what is wrong without echoing input back
            throw new ValidationException(field, field + " is not a valid cron expression (minute 0-59, hour 0-23, "
                    + "day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 0-6 or SUN-SAT; *, lists, ranges and steps)");
        }
        return normalised;
    }

    static String describe(String schedule) {
        return CronDescriptor.instance(Locale.ENGLISH).describe(parse(schedule));
    }

    static List<Instant> nextRuns(String schedule, int count) {
        ExecutionTime times = ExecutionTime.forCron(parse(schedule));
        List<Instant> runs = new ArrayList<>(count);
        ZonedDateTime from = ZonedDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < count; i++) {
            Optional<ZonedDateTime> next = times.nextExecution(from);
            if (next.isEmpty()) {
                break;
            }
            from = next.get();
            runs.add(from.toInstant());
        }
        return runs;
    }

    private static Cron parse(String schedule) {
        return PARSER.parse(schedule);
    }
}
