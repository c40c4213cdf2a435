package io.caravan.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CaravanPropertiesTest {

    @Test
    void withoutAHomeTheDataLivesInDotCaravanInTheUsersHome() {
        CaravanProperties p = new CaravanProperties(null, null, null, null);
        assertThat(p.home()).isEqualTo(Path.of(System.getProperty("user.home"), ".caravan"));
        assertThat(p.home().toString()).doesNotContain("${");
    }

    @Test
    void aRelativeHomeIsMadeAbsolute() {
        Path home = new CaravanProperties(Path.of("data"), null, null, null).home();
        assertThat(home.isAbsolute()).isTrue();
        assertThat(home).isEqualTo(Path.of("data").toAbsolutePath());
    }
}
