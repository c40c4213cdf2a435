package io.caravan.server.access;

import io.caravan.server.CaravanProperties;
import io.caravan.server.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * On the first start, creates the operator's organisation and its administrator {@code admin}. The
 * password is {@code caravan.security.admin-password} when set, else random: printed once to the log and
 * kept in {@code <home>/initial-admin-password} (readable by the owner only) until changed.
 */
@Component
@Order(0)
public class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    public static final String OPERATOR_SLUG = "operator";

    private final AccessStore store;
    private final PasswordEncoder encoder;
    private final CaravanProperties properties;
    private final AuditLog audit;

    public Bootstrap(AccessStore store, PasswordEncoder encoder, CaravanProperties properties, AuditLog audit) {
        this.store = store;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (store.operatorTenant().isPresent()) {
            return;
        }
        var tenant = store.createTenant(OPERATOR_SLUG, "Platform operator", true);
        String password = properties.security().adminPassword();
        boolean generated = password.isBlank();
        if (generated) {
            password = randomPassword();
        }
        store.createUser(tenant.id(), "admin", encoder.encode(password), Role.ADMIN);
        audit.record(tenant.id(), "system", "tenant.created", "tenant:" + OPERATOR_SLUG, "first start");
        audit.record(tenant.id(), "system", "user.created", "user:admin", "role ADMIN");
        if (generated) {
            Path file = properties.home().resolve("initial-admin-password");
            Files.createDirectories(properties.home());
            Files.writeString(file, password + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system; the file keeps the folder's permissions
            }
            log.warn("Created the operator administrator 'admin' with password {} (also in {}); change it after logging in",
                    password, file);
        }
    }

    /** 20 characters from an alphabet without look-alikes: about 112 bits. */
    public static String randomPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
