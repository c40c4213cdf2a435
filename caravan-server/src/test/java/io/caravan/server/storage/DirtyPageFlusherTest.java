package io.caravan.server.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DirtyPageFlusherTest {

    @TempDir
    Path data;

    @Test
    void syncsOnlyTheDatabaseFilesChangedSinceTheLastPass() throws Exception {
        long now = System.currentTimeMillis();
        Path table = write(data.resolve("base/5/16384"), now);
        write(data.resolve("base/5/16385"), now - 60_000);
        write(data.resolve("base/1/1259"), now); // another database's files (a template's) are left alone
        DirtyPageFlusher flusher = DirtyPageFlusher.start(data.resolve("base/5"));
        try {
            assertEquals(1, flusher.flushChangedSince(now - 5_000), "only " + table + " changed in the last 5 s");
            assertEquals(2, flusher.flushChangedSince(now - 120_000));
            assertEquals(0, flusher.flushChangedSince(now + 60_000));
        } finally {
            flusher.stop();
        }
    }

    @Test
    void aMissingFolderIsNotAnErrorButAPassToRepeat() {
        DirtyPageFlusher flusher = DirtyPageFlusher.start(data.resolve("base/not-created-yet"));
        try {
            assertEquals(-1, flusher.flushChangedSince(0), "nothing to list yet");
        } finally {
            flusher.stop();
        }
    }

    private static Path write(Path file, long modifiedMillis) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[8192]);
        Files.setLastModifiedTime(file, FileTime.fromMillis(modifiedMillis));
        return file;
    }
}
