package io.caravan.credit;

import io.caravan.domain.OutcomeKind;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Keyed state of one participant (or one segment): how many of its orders have matured (are old enough to
 * have gone wrong) and how many went wrong, by outcome kind. Orders younger than the maturity age wait in a
 * queue of their timestamps, with the sum of those timestamps kept alongside so that their earned exposure
 * can be read in O(1). Amortised O(1) per order.
 */
public final class CreditHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    private long matured;
    private long bad;
    private final long[] badByKind = new long[OutcomeKind.values().length];
    private long[] pending = new long[4];
    private int head;
    private int size;
    /** Sum of the pending timestamps. */
    private long pendingSum;

    /** Records an order placed at {@code epochSecond}, after maturing those older than {@code maturitySeconds}. */
    void addOrder(long epochSecond, long maturitySeconds) {
        matureUpTo(epochSecond - maturitySeconds);
        if (size == pending.length) {
            long[] bigger = new long[pending.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = pending[(head + i) % pending.length];
            }
            pending = bigger;
            head = 0;
        }
        pending[(head + size) % pending.length] = epochSecond;
        size++;
        pendingSum += epochSecond;
    }

    /** Moves orders placed at or before {@code cutoff} from pending to matured; returns how many moved. */
    long matureUpTo(long cutoff) {
        long moved = 0;
        while (size > 0 && pending[head] <= cutoff) {
            pendingSum -= pending[head];
            head = (head + 1) % pending.length;
            size--;
            moved++;
        }
        matured += moved;
        return moved;
    }

    /**
     * The exposure earned by {@code now}, in orders: every matured order counts 1, and a younger order
     * counts the share of the maturity period it has lived, (now − placed)/maturity — the share of its bad
     * outcomes that would already have shown if they arrive evenly over that period. Read-only.
     */
    double exposureAsOf(long now, long maturitySeconds) {
        long cutoff = now - maturitySeconds;
        double n = matured;
        long counted = 0;
        long countedSum = 0;
        for (int i = 0; i < size; i++) {
            long t = pending[(head + i) % pending.length];
            if (t > cutoff) {
                break;
            }
            counted++;
            countedSum += t;
        }
        n += counted;
        long young = size - counted;
        if (young > 0 && maturitySeconds > 0) {
            double ages = (double) young * now - (double) (pendingSum - countedSum);
            n += Math.max(0, ages) / maturitySeconds;
        }
        return n;
    }

    /**
     * Counts a bad outcome. If its order is younger than the maturity age ({@code orderPending}) it has
     * evidently gone wrong already, so it counts as a trial now: the oldest pending order is matured early
     * in its place (queue entries are anonymous timestamps). Without this, early bad outcomes would be
     * divided by too few trials. Returns 1 if an order was matured early, else 0.
     */
    long addBad(OutcomeKind kind, boolean orderPending) {
        bad++;
        badByKind[kind.ordinal()]++;
        if (orderPending && size > 0) {
            pendingSum -= pending[head];
            head = (head + 1) % pending.length;
            size--;
            matured++;
            return 1;
        }
        return 0;
    }

    void addMatured(long n) {
        matured += n;
    }

    long bad() {
        return bad;
    }

    long bad(OutcomeKind kind) {
        return badByKind[kind.ordinal()];
    }

    long matured() {
        return matured;
    }

    @Override
    public String toString() {
        return "CreditHistory(matured=" + matured + ", bad=" + bad + ", byKind=" + Arrays.toString(badByKind)
                + ", pending=" + size + ")";
    }
}
