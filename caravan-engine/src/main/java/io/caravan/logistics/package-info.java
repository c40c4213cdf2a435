/**
 * Logistics: per-leg delay distributions learned from tracking history on each carrier lane (shrunk toward
 * the transport mode's prior), composed along a route by convolution, with shared shocks applied once;
 * the probability that a shipment arrives later than promised, its expected delay and delay percentiles.
 */
package io.caravan.logistics;
