package io.caravan.risk;

/** The six kinds of risk Caravan measures. */
public enum RiskCategory {
    CREDIT("Credit"),
    LOGISTICS("Logistics"),
    INFORMATION("Information"),
    LEGAL("Legal"),
    POLITICAL("Political"),
    NATURAL("Natural environment");

    private final String title;

    RiskCategory(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
