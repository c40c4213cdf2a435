package io.caravan.reference;

import io.caravan.domain.CountryCode;
import io.caravan.domain.GeoPoint;
import io.caravan.domain.Location;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Ports by UN/LOCODE. */
public final class Ports {

    private final String version;
    private final Map<String, Port> byCode;

    Ports(CsvTable table) {
        this.version = table.version();
        Map<String, Port> map = new TreeMap<>();
        for (CsvTable.Row r : table.rows()) {
            String code = r.require("locode");
            try {
                Location.of(code);
            } catch (IllegalArgumentException e) {
                throw r.error("locode", e.getMessage());
            }
            map.put(code, new Port(code, r.require("name"), CountryCode.of(code.substring(0, 2)),
                    new GeoPoint(r.requireDouble("lat"), r.requireDouble("lon")), r.get("harbor_size")));
        }
        // Sorted for listing, hashed for lookup.
        this.byCode = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map));
    }

    public String version() {
        return version;
    }

    public Optional<Port> find(String locode) {
        return Optional.ofNullable(byCode.get(locode));
    }

    /** The position of a specific location, if it is a known port. */
    public Optional<GeoPoint> position(Location location) {
        Port p = byCode.get(location.code());
        return p == null ? Optional.empty() : Optional.of(p.position());
    }

    /** Every port, by code. */
    public java.util.Collection<Port> all() {
        return byCode.values();
    }

    public int size() {
        return byCode.size();
    }
}
