package io.caravan.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The engine's model parameters and decision policy ({@code caravan.properties}), with its version. */
public final class Settings {

    private final String file;
    private final Properties values = new Properties();

    Settings(String file, Reader in) {
        this.file = file;
        try (in) {
            values.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
        text("version");
    }

    public String version() {
        return text("version");
    }

    public boolean has(String key) {
        String v = values.getProperty(key);
        return v != null && !v.isBlank();
    }

    public String text(String key) {
        String v = values.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new ReferenceDataException(file, 0, key, "the setting is missing; add '" + key + " = …'");
        }
        return v.trim();
    }

    public double number(String key) {
        String v = text(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ReferenceDataException(file, 0, key, "'" + v + "' is not a number");
        }
    }

    /** A probability setting, checked to lie in [0, 1]. */
    public double probability(String key) {
        double v = number(key);
        if (!(v >= 0 && v <= 1)) {
            throw new ReferenceDataException(file, 0, key, v + " is not a probability in [0, 1]");
        }
        return v;
    }

    public int whole(String key) {
        double v = number(key);
        if (v != Math.rint(v)) {
            throw new ReferenceDataException(file, 0, key, v + " is not a whole number");
        }
        return (int) v;
    }
}
