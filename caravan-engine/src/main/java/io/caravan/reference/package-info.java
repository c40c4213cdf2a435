/**
 * Reference data: countries, ports, HS headings, country indicators, high-risk jurisdictions, exchange
 * rates, sanctions lists, destination rules, disclosure and qualification rules, and the engine's
 * settings. Each table is a versioned data file that names its source; {@link io.caravan.reference.ReferenceData}
 * is the one place that loads them, from the copies shipped with Caravan or from a folder the user names.
 */
package io.caravan.reference;
