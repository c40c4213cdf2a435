package io.caravan.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads OFAC files by path for tests that use the shared public data. */
final class ReferenceDataTestSupport {

    private ReferenceDataTestSupport() {
    }

    static SanctionsList readOfac(Path sdn, Path alt) {
        try {
            Charset cs = Charset.forName("windows-1252");
            return SanctionsList.readOfac("OFAC-SDN", "test", "", sdn.getFileName().toString(),
                    Files.newBufferedReader(sdn, cs), alt.getFileName().toString(), Files.newBufferedReader(alt, cs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
