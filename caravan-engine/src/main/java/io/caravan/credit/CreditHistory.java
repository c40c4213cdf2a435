package io.caravan.credit;

import io.caravan.domain.OutcomeKind;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Keyed state of one participant (or one segment): how many of its orders have matured (are old enough to
 * have gone wrong) and how many went wrong, by outcome kind. Orders younger than the maturity age wait in a
 * queue of their timestamps; they are counted when they mature. Amortised O(1) per order.
 */
public final class CreditHistory implements Serializable {

    private static final long serialVersionUID = 1L;

    private long matured;
    private long bad;
    private final long[] badByKind = new long[OutcomeKind.values().length];
    private long[] pending = new long[4];
    private int head;
    private int size;

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
    }

    /** Moves orders placed at or before {@code cutoff} from pending to matured; returns how many moved. */
    long matureUpTo(long cutoff) {
        long moved = 0;
        while (size > 0 && pending[head] <= cutoff) {
            head = (head + 1) % pending.length;
            size--;
            moved++;
        }
        matured += moved;
        return moved;
    }

    /** Matured orders as of {@code cutoff} (= now − maturity), without changing the state. */
    long maturedAsOf(long cutoff) {
        long n = matured;
        for (int i = 0; i < size; i++) {
            if (pending[(head + i) % pending.length] <= cutoff) {
                n++;
            } else {
                break;
            }
        }
        return n;
    }

    void addBad(OutcomeKind kind) {
        bad++;
        badByKind[kind.ordinal()]++;
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

    long pendingCount() {
        return size;
    }

    @Override
    public String toString() {
        return "CreditHistory(matured=" + matured + ", bad=" + bad + ", byKind=" + Arrays.toString(badByKind)
                + ", pending=" + size + ")";
    }
}
