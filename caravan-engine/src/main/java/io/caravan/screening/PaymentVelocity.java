package io.caravan.screening;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * Keyed state: per payer account, the times and US-dollar amounts of its payments within the sliding
 * window. Each account keeps a ring buffer that drops payments older than the window when a new one
 * arrives: amortised O(1) per payment, memory proportional to the payments inside the window.
 */
public final class PaymentVelocity implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Count and sum of an account's payments inside a window. */
    public record Window(int count, double amountUsd) {
    }

    private static final class Account implements Serializable {
        private static final long serialVersionUID = 1L;
        long[] times = new long[4];
        double[] amounts = new double[4];
        int head;
        int size;
        double sum;

        void dropBefore(long cutoff) {
            while (size > 0 && times[head] < cutoff) {
                sum -= amounts[head];
                head = (head + 1) % times.length;
                size--;
            }
            if (size == 0) {
                sum = 0;
            }
        }

        void add(long t, double usd) {
            if (size == times.length) {
                long[] nt = new long[times.length * 2];
                double[] na = new double[times.length * 2];
                for (int i = 0; i < size; i++) {
                    nt[i] = times[(head + i) % times.length];
                    na[i] = amounts[(head + i) % times.length];
                }
                times = nt;
                amounts = na;
                head = 0;
            }
            int at = (head + size) % times.length;
            times[at] = t;
            amounts[at] = usd;
            size++;
            sum += usd;
        }
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private final long windowSeconds;

    public PaymentVelocity(long windowSeconds) {
        this.windowSeconds = windowSeconds;
    }

    public void observe(String account, long epochSecond, double amountUsd) {
        Account a = accounts.computeIfAbsent(account, k -> new Account());
        a.dropBefore(epochSecond - windowSeconds);
        a.add(epochSecond, amountUsd);
    }

    /** The account's payments in (now − window, now], read without changing the state. */
    public Window window(String account, long epochSecond) {
        Account a = accounts.get(account);
        if (a == null) {
            return new Window(0, 0);
        }
        int count = 0;
        double sum = 0;
        long cutoff = epochSecond - windowSeconds;
        for (int i = 0; i < a.size; i++) {
            int at = (a.head + i) % a.times.length;
            if (a.times[at] >= cutoff && a.times[at] <= epochSecond) {
                count++;
                sum += a.amounts[at];
            }
        }
        return new Window(count, sum);
    }

    public long windowSeconds() {
        return windowSeconds;
    }

    public int accounts() {
        return accounts.size();
    }
}
