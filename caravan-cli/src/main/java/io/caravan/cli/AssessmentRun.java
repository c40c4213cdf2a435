package io.caravan.cli;

import io.caravan.domain.Event;
import io.caravan.domain.Leg;
import io.caravan.domain.Order;
import io.caravan.domain.OrderItem;
import io.caravan.domain.Outcome;
import io.caravan.domain.Payment;
import io.caravan.domain.RecordType;
import io.caravan.domain.Shipment;
import io.caravan.domain.TrackingEvent;
import io.caravan.domain.Listing;
import io.caravan.engine.Engine;
import io.caravan.json.AssessmentFiles;
import io.caravan.json.EventReader;
import io.caravan.json.RecordError;
import io.caravan.json.Schemas;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Assessment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads a folder of JSON Lines files, replays their events through the engine in time order — each
 * order, payment, shipment and listing assessed with the state before it — then assesses every participant
 * as of the last event, and writes the assessments. Invalid input stops the run before anything is written.
 */
final class AssessmentRun {

    /** The outcome of a run. */
    record Summary(long events, long assessments, List<String> warnings, double seconds) {
    }

    /** Input that cannot be assessed: every rejected line, in file order. */
    static final class InvalidInput extends Exception {
        final List<RecordError> errors;

        InvalidInput(List<RecordError> errors) {
            super(errors.size() + " invalid record(s)");
            this.errors = errors;
        }
    }

    private record Timed(Event event, int type, int index) {
    }

    private final ReferenceData reference;
    private final PrintStream err;

    AssessmentRun(ReferenceData reference, PrintStream err) {
        this.reference = reference;
        this.err = err;
    }

    Summary run(Path in, Path out) throws IOException, InvalidInput {
        return run(in, out, a -> { });
    }

    /** Runs, handing every assessment written to {@code listener} as well. */
    Summary run(Path in, Path out, java.util.function.Consumer<Assessment> listener) throws IOException, InvalidInput {
        long started = System.nanoTime();
        if (!Files.isDirectory(in)) {
            throw new IOException(in + " is not a folder; --in names a folder of JSON Lines files such as orders.jsonl");
        }
        List<String> warnings = new ArrayList<>();
        Set<String> known = new HashSet<>();
        for (RecordType t : RecordType.values()) {
            known.add(Schemas.fileName(t));
        }
        try (Stream<Path> files = Files.list(in)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jsonl") && !known.contains(n)
                            && !n.equals("labels.jsonl") && !n.equals(out.getFileName().toString())).sorted()
                    .forEach(n -> warnings.add(n + " is not an input file Caravan knows and was not read; input files are "
                            + String.join(", ", new java.util.TreeSet<>(known))));
        }
        long totalBytes = 0;
        for (RecordType t : RecordType.values()) {
            Path f = in.resolve(Schemas.fileName(t));
            if (Files.exists(f)) {
                totalBytes += Files.size(f);
            }
        }
        if (totalBytes == 0) {
            throw new IOException(in + " holds none of the input files (" + String.join(", ", new java.util.TreeSet<>(known))
                    + "), or they are all empty");
        }
        EventReader reader = new EventReader(reference);
        List<RecordError> errors = new ArrayList<>();
        List<Timed> timeline = new ArrayList<>();
        Progress reading = new Progress(err, "reading  ", totalBytes);
        long base = 0;
        for (RecordType t : RecordType.values()) {
            Path f = in.resolve(Schemas.fileName(t));
            if (!Files.exists(f)) {
                continue;
            }
            long offset = base;
            EventReader.Result r = reader.read(f, t, b -> reading.update(offset + b));
            base += Files.size(f);
            errors.addAll(r.errors());
            for (int i = 0; i < r.events().size(); i++) {
                timeline.add(new Timed(r.events().get(i), t.ordinal(), timeline.size()));
            }
            checkReferences(t, r, warnings);
        }
        reading.finish();
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        timeline.sort(Comparator.comparing((Timed x) -> x.event().at()).thenComparingInt(Timed::type)
                .thenComparingInt(Timed::index));
        Engine engine = new Engine(reference);
        Progress assessing = new Progress(err, "assessing", timeline.size());
        long assessments = 0;
        try (AssessmentFiles.Sink sink = AssessmentFiles.create(out)) {
            Instant last = Instant.EPOCH;
            long done = 0;
            for (Timed x : timeline) {
                Optional<Assessment> a = engine.assess(x.event());
                if (a.isPresent()) {
                    sink.write(a.get());
                    listener.accept(a.get());
                    assessments++;
                }
                engine.observe(x.event());
                last = x.event().at();
                if ((++done & 4095) == 0) {
                    assessing.update(done);
                }
            }
            for (String id : engine.participantIds()) {
                Optional<Assessment> a = engine.assessParticipant(id, last);
                if (a.isPresent()) {
                    sink.write(a.get());
                    listener.accept(a.get());
                    assessments++;
                }
            }
            sink.commit();
            listAge(last, warnings);
        }
        assessing.finish();
        return new Summary(timeline.size(), assessments, warnings, (System.nanoTime() - started) / 1e9);
    }

    /** Days a sanctions list may lag the newest record before the run warns that it is out of date. */
    static final long LIST_MAX_AGE_DAYS = 90;

    /** Screening against an old list is allowed (replays of history need it), but never silent. */
    private void listAge(Instant newest, List<String> warnings) {
        String date = reference.sanctions().listDate();
        if (date.isEmpty()) {
            warnings.add("the sanctions list " + reference.sanctions().version() + " has no publication date (no 'list-date:'"
                    + " line in SOURCE.txt beside it); its age could not be checked");
            return;
        }
        long days = java.time.Duration.between(java.time.LocalDate.parse(date).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant(), newest).toDays();
        if (days > LIST_MAX_AGE_DAYS) {
            warnings.add("payments and parties were screened against the sanctions list of " + date + ", " + days
                    + " days older than the newest record; for real screening load the current list with"
                    + " --sanctions PATH (OFAC's sdn.csv, or a folder with sdn.csv and alt.csv)");
        }
    }

    private Set<String> participants;
    private Set<String> shipments;
    private Set<String> listings;
    private Set<String> orders;

    /**
     * References to records that are not in the input do not stop a run (the engine assesses with no
     * history), but each is reported, with the first few lines that make it.
     */
    private void checkReferences(RecordType type, EventReader.Result r, List<String> warnings) {
        if (type == RecordType.PARTICIPANT) {
            participants = ids(r);
            return;
        }
        if (type == RecordType.SHIPMENT) {
            shipments = ids(r);
        }
        if (type == RecordType.LISTING) {
            listings = ids(r);
        }
        if (type == RecordType.ORDER) {
            orders = ids(r);
        }
        String file = Schemas.fileName(type);
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < r.events().size(); i++) {
            Event e = r.events().get(i);
            long line = r.lineNumbers()[i];
            if (e instanceof Order o) {
                need(problems, file, line, "merchant_id", o.merchantId(), participants, "participants.jsonl");
                if (!o.shipmentId().isEmpty()) {
                    need(problems, file, line, "shipment_id", o.shipmentId(), shipments, "shipments.jsonl");
                }
                for (int k = 0; k < o.items().size(); k++) {
                    OrderItem item = o.items().get(k);
                    if (!item.listingId().isEmpty()) {
                        need(problems, file, line, "items[" + k + "].listing_id", item.listingId(), listings, "listings.jsonl");
                    }
                }
            } else if (e instanceof Shipment s) {
                for (Leg leg : s.legs()) {
                    need(problems, file, line, "legs[" + (leg.sequence() - 1) + "].carrier_id", leg.carrierId(), participants,
                            "participants.jsonl");
                }
            } else if (e instanceof Listing l) {
                need(problems, file, line, "seller_id", l.sellerId(), participants, "participants.jsonl");
            } else if (e instanceof Outcome o) {
                need(problems, file, line, "participant_id", o.participantId(), participants, "participants.jsonl");
            } else if (e instanceof TrackingEvent t) {
                need(problems, file, line, "shipment_id", t.shipmentId(), shipments, "shipments.jsonl");
            } else if (e instanceof Payment p && !p.orderId().isEmpty()) {
                need(problems, file, line, "order_id", p.orderId(), orders, "orders.jsonl");
            }
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(5, problems.size());
            warnings.add(problems.size() + " reference(s) in " + file + " name records the input does not have; they are"
                    + " assessed without that record's history. First: " + String.join("; ", problems.subList(0, shown)));
        }
    }

    private static void need(List<String> problems, String file, long line, String field, String id, Set<String> known,
                             String where) {
        if (known != null && !known.contains(id)) {
            problems.add(file + " line " + line + ", field " + field + ": '" + id + "' is not in " + where);
        }
    }

    private static Set<String> ids(EventReader.Result r) {
        Set<String> s = new HashSet<>();
        for (Event e : r.events()) {
            s.add(e.id());
        }
        return s;
    }

    static String describe(List<RecordError> errors, int max) {
        StringBuilder sb = new StringBuilder();
        for (RecordError e : errors.subList(0, Math.min(max, errors.size()))) {
            sb.append("  ").append(e).append('\n');
        }
        if (errors.size() > max) {
            sb.append("  … and ").append(errors.size() - max).append(" more\n");
        }
        return sb.toString();
    }
}
