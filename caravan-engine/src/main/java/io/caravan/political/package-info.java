/**
 * Political risk along a route: each country's baseline from its political stability (World Governance
 * Indicators), active political events (strikes, unrest, border closures…) touching the route, and embargoes
 * on the lane.
 */
package io.caravan.political;
