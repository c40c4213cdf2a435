/**
 * A deterministic demo world built on real reference data — ISO countries, UN/LOCODE ports from the World
 * Port Index, HS 2022 headings, real sanctioned names — with planted ground truth written to a separate
 * labels file, so that detection can be measured.
 */
package io.caravan.world;
