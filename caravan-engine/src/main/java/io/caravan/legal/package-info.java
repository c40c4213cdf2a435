/**
 * Legal risk: whether an order's goods may enter its destination — prohibited headings, restricted headings
 * whose certificate the seller lacks, headings the nomenclature does not know — and which low-value (de
 * minimis) regime applies on the day.
 */
package io.caravan.legal;
