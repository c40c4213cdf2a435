/**
 * The engine: observes events into keyed state and assesses orders, payments, shipments, listings and
 * participants by composing the capabilities. The same engine runs in the command-line tool, the server
 * and the stream job.
 */
package io.caravan.engine;
