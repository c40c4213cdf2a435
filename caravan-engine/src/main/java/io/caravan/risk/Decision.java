package io.caravan.risk;

import java.util.List;

/** The action taken and the thresholds that drove it, each in words, e.g. "LEGAL 97.0% >= block 90.0%". */
public record Decision(Action action, List<String> drivers) {

    public Decision {
        drivers = List.copyOf(drivers);
    }
}
