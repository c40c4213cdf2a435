package io.caravan.cli;

import io.caravan.server.CaravanServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** The server as the commands start it: a clear one-line error when it cannot start, its address, waiting for its end. */
final class RunningServer {

    final ConfigurableApplicationContext context;
    final String url;

    private RunningServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.url = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts the server; a failure becomes an {@link IOException} naming its root cause. */
    static RunningServer start(Map<String, String> properties, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        // The command prints the cause in one line below; the startup failure's stack trace is for the log only.
        all.add("--logging.level.org.springframework.boot.SpringApplication=OFF");
        try {
            return new RunningServer(CaravanServer.start(properties, all.toArray(String[]::new)));
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                if (root.getClass().getSimpleName().equals("PortInUseException")) {
                    throw new IOException("the server could not start: " + root.getMessage() + "; choose another with --port N", e);
                }
                root = root.getCause();
            }
            String hint = "; see docs/operations.md";
            throw new IOException("the server could not start: " + root.getMessage() + hint, e);
        }
    }

    /** Blocks until the server is stopped (Ctrl-C). */
    void awaitClose() throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener(e -> {
            if (e instanceof ContextClosedEvent) {
                closed.countDown();
            }
        });
        closed.await();
    }
}
