package io.caravan.server.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every action the server's source records is one the audit log knows, so it can be filtered on and is never refused. */
class AuditActionsTest {

    /** {@code audit.record(tenant, actor, "action", …}: the action is the third argument, a literal. */
    private static final Pattern RECORD = Pattern.compile("audit\\.record\\(\\s*[^,]+,\\s*[^,]+,\\s*\"([^\"]*)\"");

    @Test
    void everyRecordedActionIsKnownAndEveryKnownOneIsRecorded() throws IOException {
        Set<String> recorded = new TreeSet<>();
        int calls = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                int all = source.split("audit\\.record\\(", -1).length - 1;
                Matcher m = RECORD.matcher(source);
                int found = 0;
                while (m.find()) {
                    recorded.add(m.group(1));
                    found++;
                }
                assertThat(found).as("calls of audit.record in %s whose action is a literal", f).isEqualTo(all);
                calls += all;
            }
        }
        assertThat(calls).isGreaterThan(20);
        assertThat(recorded).isEqualTo(new TreeSet<>(AuditLog.ACTIONS));
    }
}
