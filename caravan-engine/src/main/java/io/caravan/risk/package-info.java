/**
 * The shared risk core: what an estimate is, how estimates compose, how sparse counts are shrunk, how
 * delays add up along a route, and how a decision is taken. Every capability speaks through these types,
 * so that a probability means the same thing wherever it appears.
 */
package io.caravan.risk;
