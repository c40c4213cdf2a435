package io.caravan.server.ingest;

import io.caravan.reference.ReferenceData;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * The reference data all tenants share (read-only to them): the shipped tables, or a folder named by
 * {@code caravan.reference.dir}, with the sanctions list from {@code caravan.reference.sanctions} when set.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceConfig {

    @Bean
    ReferenceData referenceData(@Value("${caravan.reference.dir:}") String dir,
                                @Value("${caravan.reference.sanctions:}") String sanctions) {
        ReferenceData data = dir.isBlank() ? ReferenceData.bundled() : ReferenceData.load(Path.of(dir));
        if (!sanctions.isBlank()) {
            data = data.withSanctions(ReferenceData.readOfacFolder(Path.of(sanctions)));
        }
        return data;
    }
}
