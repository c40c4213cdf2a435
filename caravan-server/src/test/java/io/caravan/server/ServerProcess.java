package io.caravan.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The server as its own operating-system process, on the embedded default database, so that it can be killed. */
final class ServerProcess {

    final Process process;
    final String url;
    final Path log;

    private ServerProcess(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    static ServerProcess start(Path home, String name) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", cp, CaravanServer.class.getName(), "--server.port=" + port, "--caravan.home=" + home,
                "--caravan.security.admin-password=" + TestServer.ADMIN_PASSWORD, "--logging.level.root=WARN"));
        Path log = home.resolve(name + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess sp = new ServerProcess(p, "http://localhost:" + port, log);
        sp.awaitReady(Duration.ofSeconds(120));
        return sp;
    }

    private void awaitReady(Duration limit) throws IOException {
        long end = System.nanoTime() + limit.toNanos();
        Client c = Client.anonymous(url);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("the server process ended; its log: " + log);
            }
            try {
                if (c.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("the server was not ready within " + limit + "; its log: " + log);
    }

    /** SIGKILL: no shutdown hook, no graceful anything. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
