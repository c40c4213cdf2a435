/**
 * Natural environment risk along a route: each country's baseline hazard (INFORM natural hazard and
 * exposure) and active hazard events (cyclones, earthquakes, floods…) touching the route.
 */
package io.caravan.natural;
