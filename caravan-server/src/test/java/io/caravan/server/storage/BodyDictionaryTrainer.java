package io.caravan.server.storage;

import com.github.luben.zstd.ZstdDictTrainer;
import io.caravan.domain.Event;
import io.caravan.engine.Engine;
import io.caravan.json.AssessmentCodec;
import io.caravan.json.BinaryAssessment;
import io.caravan.reference.ReferenceData;
import io.caravan.risk.Assessment;
import io.caravan.world.WorldGenerator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the dictionary assessment bodies are stored with ({@code BodyCodec.DICTIONARY_RESOURCE}) on the
 * assessments of a generated world, in the binary form the server compresses ({@link BinaryAssessment}). Run by
 * {@code scripts/train-body-dictionary}; retrain when the engine's sentences change much (the codec's test
 * says when the ratio has fallen). A new dictionary gets a new id; bodies stored with the old one stay
 * readable because every dictionary used is kept in the database.
 */
public final class BodyDictionaryTrainer {

    static final long TRAINING_SEED = 11;
    static final int TRAINING_ORDERS = 4000;
    static final int DICTIONARY_BYTES = 32 * 1024;

    private BodyDictionaryTrainer() {
    }

    /** Every assessment the server would store for a generated world. */
    static List<Assessment> assessed(long seed, int orders) {
        ReferenceData reference = ReferenceData.bundled();
        Engine engine = new Engine(reference);
        List<Assessment> out = new ArrayList<>();
        for (Event e : new WorldGenerator(reference).generate(seed, orders).timeline()) {
            engine.step(e).ifPresent(out::add);
        }
        return out;
    }

    /** Those assessments in the form the server compresses: {@link BinaryAssessment}. */
    static List<byte[]> storedBodies(long seed, int orders) {
        return assessed(seed, orders).stream()
                .map(a -> BinaryAssessment.encode(a, AssessmentCodec.versionsId(a.versions()))).toList();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BodyDictionaryTrainer OUTPUT_FILE");
            System.exit(2);
        }
        List<byte[]> samples = storedBodies(TRAINING_SEED, TRAINING_ORDERS);
        long total = samples.stream().mapToLong(b -> b.length).sum();
        ZstdDictTrainer trainer = new ZstdDictTrainer((int) Math.min(Integer.MAX_VALUE - 8, total), DICTIONARY_BYTES);
        for (byte[] s : samples) {
            trainer.addSample(s);
        }
        byte[] dictionary = trainer.trainSamples();
        Path out = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(out.getParent());
        Files.write(out, dictionary);
        System.err.printf("trained on %,d assessments (%,d bytes): %,d-byte dictionary, id %d%n", samples.size(), total,
                dictionary.length, BodyCodec.dictionaryId(dictionary));
    }
}
