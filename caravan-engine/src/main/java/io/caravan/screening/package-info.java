/**
 * Screening of payments and parties: names against sanctions lists (exact, normalised and reordered
 * matches), countries against embargo and FATF lists, and payment velocity per payer account.
 */
package io.caravan.screening;
