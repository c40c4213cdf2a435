package io.caravan.server.ingest;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import io.caravan.engine.Engine;
import io.caravan.reference.ReferenceData;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;

/**
 * An engine's state written down, so that a restart reads it and replays only the records after it instead of
 * every record ever stored. The state is Java-serialised and compressed; beside it goes a fingerprint of the
 * bytes of every class the state holds. A snapshot is used only when that fingerprint still matches the
 * classes of the running build and the reference versions match too: after an upgrade or with other
 * reference data the engine is rebuilt from the records, as without a snapshot.
 */
final class EngineSnapshots {

    /** A written state: the classes it holds and their fingerprint, and the compressed bytes. */
    record Written(List<String> classes, String fingerprint, byte[] body) {
    }

    private EngineSnapshots() {
    }

    static Written write(Engine engine) {
        TreeSet<String> classes = new TreeSet<>();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
        try (ZstdOutputStream z = new ZstdOutputStream(bytes, 1)) {
            engine.snapshot(new ObjectOutputStream(z) {
                @Override
                protected void annotateClass(Class<?> c) {
                    classes.add(c.getName());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> names = List.copyOf(classes);
        return new Written(names, fingerprint(names), bytes.toByteArray());
    }

    static Engine read(ReferenceData reference, byte[] body) throws IOException {
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(body))) {
            return Engine.restore(reference, in);
        }
    }

    /** SHA-256 over the names and class-file bytes of the classes, as this build has them. */
    static String fingerprint(List<String> classNames) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            ClassLoader loader = EngineSnapshots.class.getClassLoader();
            for (String name : classNames) {
                d.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (name.startsWith("[")) {
                    continue;
                }
                try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        d.update((byte) 0); // a class this build does not have: the fingerprint will not match
                    } else {
                        d.update(in.readAllBytes());
                    }
                }
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
