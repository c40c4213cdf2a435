package io.caravan.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares two builds (or two benchmarks of one build) on a machine whose speed drifts from minute to minute.
 *
 * <p>Separate JMH runs of two builds are only comparable when the machine's speed holds between them; on a
 * shared virtual machine it does not (JMH's own error bars reach ±50%, and a build measured again an hour
 * later moves by more than most changes do). Here both sides run in one JVM, each in its own class loader,
 * and take turns call by call, the side that goes first alternating from round to round: a slow spell slows
 * both sides of the rounds it falls in, and the ratio of each round's two times cancels it. The answer is the
 * median of those ratios with its quartiles.
 *
 * <p>Usage: {@code java -Xmx8g -cp benchmarks.jar io.caravan.benchmarks.PairedRun METHOD[,METHOD_B] ROUNDS JAR_A JAR_B}
 * — {@code METHOD} names an {@link EngineBenchmarks} method (B may name another one, to compare two benchmarks
 * of one build); each jar is a built {@code benchmarks.jar}. A quarter of the rounds again runs first, untimed,
 * for the JIT compiler. One round calls each side once (1 000 orders for the per-order benchmarks).
 */
public final class PairedRun {

    private PairedRun() {
    }

    private static final String USAGE = "usage: PairedRun METHOD[,METHOD_B] ROUNDS JAR_A JAR_B";

    public static void main(String[] args) throws Exception {
        Method ma;
        Method mb;
        int rounds;
        try {
            if (args.length != 4) {
                throw new IllegalArgumentException("four arguments are needed, not " + args.length);
            }
            String[] methods = args[0].split(",", 2);
            rounds = rounds(args[1]);
            // both benchmarks are found before either world is built, which takes a while
            ma = Side.find(Path.of(args[2]), methods[0]);
            mb = Side.find(Path.of(args[3]), methods[methods.length - 1]);
        } catch (IllegalArgumentException e) {
            System.err.println("PairedRun: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        Side a = Side.prepare(ma);
        Side b = Side.prepare(mb);
        long[] ta = new long[rounds];
        long[] tb = new long[rounds];
        long sink = 0;
        for (int r = -rounds / 4; r < rounds; r++) {
            boolean aFirst = (r & 1) == 0;
            Side first = aFirst ? a : b;
            Side second = aFirst ? b : a;
            long t0 = System.nanoTime();
            sink += first.call();
            long t1 = System.nanoTime();
            sink += second.call();
            long t2 = System.nanoTime();
            if (r >= 0) {
                ta[r] = aFirst ? t1 - t0 : t2 - t1;
                tb[r] = aFirst ? t2 - t1 : t1 - t0;
            }
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = (double) tb[r] / ta[r];
        }
        Arrays.sort(ratio);
        Arrays.sort(ta);
        Arrays.sort(tb);
        System.out.printf(Locale.ROOT, "A %s (%s): median %.2f ms a call%nB %s (%s): median %.2f ms a call%n"
                        + "B/A, round by round: median %.3f, quartiles %.3f-%.3f over %d rounds (checksum %d)%n",
                a.method().getName(), args[2], ta[rounds / 2] / 1e6, b.method().getName(), args[3], tb[rounds / 2] / 1e6,
                ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4], rounds, sink & 0xff);
    }

    private static int rounds(String text) {
        int rounds;
        try {
            rounds = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ROUNDS is a whole number, not '" + text + "'");
        }
        if (rounds < 4) {
            throw new IllegalArgumentException("ROUNDS must be at least 4, not " + rounds);
        }
        return rounds;
    }

    /** One side: a benchmark method of a jar loaded on its own, with its state set up. */
    private record Side(Object benchmarks, Method method, Object[] arguments) {

        /** The benchmark method {@code name} of the jar's own copy of {@link EngineBenchmarks}. */
        static Method find(Path jar, String name) throws Exception {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + " is not a file; build one with ./mvnw package -pl caravan-benchmarks -am");
            }
            ClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass(EngineBenchmarks.class.getName());
            // the annotation is the jar's own class, so it is matched by name
            List<Method> benchmarks = Arrays.stream(type.getMethods()).filter(m -> Arrays.stream(m.getAnnotations())
                    .anyMatch(x -> x.annotationType().getName().equals(Benchmark.class.getName()))).toList();
            return benchmarks.stream().filter(m -> m.getName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(jar + " has no benchmark '" + name + "'; it has "
                            + benchmarks.stream().map(Method::getName).sorted().toList()));
        }

        /** The method with its state objects built and set up (for the engine's benchmarks, a world of 50 000 orders). */
        static Side prepare(Method method) throws Exception {
            Object[] arguments = new Object[method.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                Object state = method.getParameterTypes()[i].getConstructor().newInstance();
                for (Method setUp : state.getClass().getMethods()) {
                    if (setUp.getName().equals("setUp") && setUp.getParameterCount() == 0) {
                        setUp.invoke(state);
                    }
                }
                arguments[i] = state;
            }
            return new Side(method.getDeclaringClass().getConstructor().newInstance(), method, arguments);
        }

        long call() throws IllegalAccessException, InvocationTargetException {
            return method.invoke(benchmarks, arguments).hashCode();
        }
    }
}
