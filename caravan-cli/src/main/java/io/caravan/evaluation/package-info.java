/**
 * Evaluation of Caravan's estimators on held-out real public data: the same datasets, splits and metrics
 * every time, so that numbers in docs/evaluation.md can be reproduced with {@code caravan evaluate}.
 */
package io.caravan.evaluation;
