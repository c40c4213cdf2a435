package io.caravan.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.caravan.server.CaravanProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** The connection pool, on the embedded PostgreSQL unless {@code caravan.database.url} names another. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${caravan.database.url:}'.isBlank()")
    EmbeddedDatabase embeddedDatabase(CaravanProperties properties) throws IOException {
        return EmbeddedDatabase.start(properties.home().resolve("postgres"));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(CaravanProperties properties, ObjectProvider<EmbeddedDatabase> embedded) {
        CaravanProperties.Database db = properties.database();
        HikariConfig c = new HikariConfig();
        if (db.embedded()) {
            EmbeddedDatabase e = embedded.getObject();
            c.setJdbcUrl(e.jdbcUrl());
            c.setUsername("postgres");
        } else {
            c.setJdbcUrl(db.url());
            c.setUsername(db.username().isBlank() ? null : db.username());
            c.setPassword(db.password().isBlank() ? null : db.password());
        }
        c.setMaximumPoolSize(db.poolSize());
        c.setPoolName("caravan");
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        c.addDataSourceProperty("ApplicationName", "caravan");
        return new HikariDataSource(c);
    }

    /** The codec of stored assessment bodies; this version's dictionary is added to the database's if it is new. */
    @Bean
    BodyCodec bodyCodec(JdbcTemplate jdbc) {
        byte[] shipped = BodyCodec.shippedDictionary();
        jdbc.update("insert into body_dictionary (id, dictionary) values (?, ?) on conflict (id) do nothing",
                BodyCodec.dictionaryId(shipped), shipped);
        Map<Long, byte[]> known = new HashMap<>();
        jdbc.query("select id, dictionary from body_dictionary", rs -> {
            known.put(rs.getLong(1), rs.getBytes(2));
        });
        return new BodyCodec(shipped, known);
    }
}
