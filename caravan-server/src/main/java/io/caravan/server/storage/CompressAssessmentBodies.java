package io.caravan.server.storage;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/**
 * Schema version 2: assessment bodies are stored as Zstandard frames made with a dictionary ({@link BodyCodec}),
 * and the dictionaries in table {@code body_dictionary}. Bodies already stored as text are compressed in place,
 * once; a database of the 50 000-order demo (about 200 000 assessments) takes some seconds.
 */
@Component
class CompressAssessmentBodies implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(CompressAssessmentBodies.class);

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "assessment bodies compressed with a dictionary";
    }

    @Override
    public Integer getChecksum() {
        return 2;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection con = context.getConnection();
        byte[] dictionary = BodyCodec.shippedDictionary();
        long id = BodyCodec.dictionaryId(dictionary);
        try (Statement s = con.createStatement()) {
            s.execute("create table body_dictionary (id bigint primary key, dictionary bytea not null,"
                    + " added_at timestamptz not null default now())");
            s.execute("comment on table body_dictionary is 'Zstandard dictionaries that assessment.body frames are"
                    + " compressed with; each frame names its dictionary by id. Never delete a row that a body uses.'");
            s.execute("alter table assessment add column body_z bytea");
        }
        try (PreparedStatement ps = con.prepareStatement("insert into body_dictionary (id, dictionary) values (?, ?)")) {
            ps.setLong(1, id);
            ps.setBytes(2, dictionary);
            ps.executeUpdate();
        }
        BodyCodec codec = new BodyCodec(dictionary, Map.of());
        long n = 0;
        try (PreparedStatement read = con.prepareStatement("select id, body from assessment");
             PreparedStatement write = con.prepareStatement("update assessment set body_z = ?, body = '' where id = ?")) {
            read.setFetchSize(2000);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    // The text is emptied too: a dropped column's bytes would otherwise stay in every updated row.
                    write.setBytes(1, codec.compress(rs.getString(2).getBytes(StandardCharsets.UTF_8)));
                    write.setLong(2, rs.getLong(1));
                    write.addBatch();
                    if (++n % 2000 == 0) {
                        write.executeBatch();
                    }
                    if (n % 100_000 == 0) {
                        log.info("Compressed {} stored assessment bodies …", n);
                    }
                }
            }
            write.executeBatch();
        }
        if (n > 0) {
            log.info("Compressed {} stored assessment bodies (once, on upgrade)", n);
        }
        try (Statement s = con.createStatement()) {
            s.execute("alter table assessment drop column body");
            s.execute("alter table assessment rename column body_z to body");
            s.execute("alter table assessment alter column body set not null");
            // Frames are already compressed: PostgreSQL should not try again, only move a rare large one out of line.
            s.execute("alter table assessment alter column body set storage external");
            s.execute("alter table assessment reset (toast_tuple_target)");
            s.execute("comment on column assessment.body is 'caravan.assessment.v1 JSON as one Zstandard frame made with a"
                    + " dictionary from body_dictionary (the frame header names it)'");
        }
    }
}
