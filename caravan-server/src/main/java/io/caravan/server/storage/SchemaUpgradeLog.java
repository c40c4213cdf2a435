package io.caravan.server.storage;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Says in the log what the database is doing before the server answers: an upgrade of a stored database
 * may rewrite a large table (schema 9 rewrites every record), and a start that stays silent for a minute
 * looks hung. A new, empty database is created in one line.
 */
@Component
class SchemaUpgradeLog implements Callback {

    private static final Logger log = LoggerFactory.getLogger(SchemaUpgradeLog.class);

    private boolean upgrading;
    private long started;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE || event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        if (event == Event.BEFORE_MIGRATE) {
            upgrading = hasSchemaHistory(context);
            if (!upgrading) {
                log.info("Creating the database schema in a new database");
            }
            return;
        }
        if (!upgrading || context.getMigrationInfo() == null) {
            return;
        }
        String step = "schema " + context.getMigrationInfo().getVersion() + " (" + context.getMigrationInfo().getDescription() + ")";
        if (event == Event.BEFORE_EACH_MIGRATE) {
            started = System.nanoTime();
            log.info("Upgrading the stored data to {}; a large store can take minutes, and the server answers once it is done", step);
        } else {
            log.info("Upgraded the stored data to {} in {} s", step, String.format(Locale.ROOT,
                    "%.1f", (System.nanoTime() - started) / 1e9));
        }
    }

    /** Whether a migration was applied before: Flyway makes its history table before this runs, so look inside. */
    private static boolean hasSchemaHistory(Context context) {
        String table = context.getConfiguration().getTable();
        try (var exists = context.getConnection().prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return false;
                }
            }
            try (var applied = context.getConnection().createStatement();
                 ResultSet rs = applied.executeQuery("select exists (select 1 from " + table + " where success and version is not null)")) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database's schema history (" + table + ")", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "caravan-schema-upgrade-log";
    }
}
