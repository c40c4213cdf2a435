package io.caravan.risk;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Why an estimate is what it is: a stable {@code code} (e.g. {@code SANCTIONS_NAME_MATCH}), a sentence an
 * analyst can paste into a case, the part of the estimate's probability it accounts for, and the evidence
 * behind it (record identifiers, list entries, counts).
 *
 * <p>The sentence may be drafted lazily ({@link #drafted}): the figures are fixed when the reason is made,
 * and the words are put together the first time {@link #text()} is read, then kept. Assessments whose words
 * nobody reads (a stream job routing on decisions) do not pay for them. Value semantics are those of a
 * record over (code, text, contribution, evidence).
 */
public final class Reason implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final double contribution;
    private final List<String> evidence;
    private transient Supplier<String> draft;
    private String text;

    public Reason(String code, String text, double contribution, List<String> evidence) {
        this.code = Objects.requireNonNull(code);
        this.text = Objects.requireNonNull(text);
        this.contribution = contribution;
        this.evidence = List.copyOf(evidence);
    }

    private Reason(String code, Supplier<String> draft, double contribution, List<String> evidence) {
        this.code = code;
        this.draft = draft;
        this.contribution = contribution;
        this.evidence = List.copyOf(evidence);
    }

    /**
     * A reason whose sentence is written by {@code draft} when first read. The draft must only format values fixed
     * when the reason is made — never read the engine's state: the server writes the sentence on its encoder's
     * thread while the engine goes on with the next records (a name looked up in the draft once read a map the
     * engine was changing, and could name a participant as it was renamed later).
     */
    public static Reason drafted(String code, Supplier<String> draft, double contribution, List<String> evidence) {
        return new Reason(code, draft, contribution, evidence);
    }

    public String code() {
        return code;
    }

    public String text() {
        String t = text;
        if (t == null) {
            synchronized (this) {
                if (text == null) {
                    text = draft.get();
                    draft = null;
                }
                t = text;
            }
        }
        return t;
    }

    public double contribution() {
        return contribution;
    }

    public List<String> evidence() {
        return evidence;
    }

    /** The same reason with another contribution. */
    public Reason withContribution(double share) {
        return text != null ? new Reason(code, text, share, evidence) : new Reason(code, this::text, share, evidence);
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        text();
        out.defaultWriteObject();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reason r && code.equals(r.code) && Double.compare(contribution, r.contribution) == 0
                && evidence.equals(r.evidence) && text().equals(r.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, text(), contribution, evidence);
    }

    @Override
    public String toString() {
        return "Reason[code=" + code + ", text=" + text() + ", contribution=" + contribution + ", evidence=" + evidence + "]";
    }
}
