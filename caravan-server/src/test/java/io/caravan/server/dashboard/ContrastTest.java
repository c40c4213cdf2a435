package io.caravan.server.dashboard;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard's text colours against the backgrounds they are drawn on, by the WCAG 2 contrast ratio:
 * at least 4.5:1 for text (AA). The colours are read from the stylesheet itself.
 */
class ContrastTest {

    /** WCAG 2 relative luminance of an sRGB colour given as #rrggbb or #rgb. */
    static double luminance(String color) {
        String hex = color.length() == 4 ? "#" + color.charAt(1) + color.charAt(1) + color.charAt(2) + color.charAt(2)
                + color.charAt(3) + color.charAt(3) : color;
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void theFormulaGivesTheKnownRatios() {
        assertThat(contrast("#000000", "#ffffff")).isCloseTo(21.0, within(1e-9));
        assertThat(contrast("#ffffff", "#ffffff")).isCloseTo(1.0, within(1e-9));
        // #777777 on white is the classic borderline grey: 4.48:1, just under AA
        assertThat(contrast("#777777", "#ffffff")).isCloseTo(4.48, within(0.01));
    }

    @Test
    void everyTextColourMeetsAaOnItsBackground() throws IOException {
        String css;
        try (InputStream in = ContrastTest.class.getResourceAsStream("/static/css/caravan.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> vars = new HashMap<>();
        Matcher m = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\\b").matcher(css);
        while (m.find()) {
            vars.put(m.group(1), m.group(2).toLowerCase());
        }
        String white = "#ffffff";
        for (String text : new String[]{"ink", "muted", "accent", "critical", "high", "medium", "low"}) {
            assertThat(vars).containsKey(text);
            assertThat(contrast(vars.get(text), white)).as(text + " on the cards").isGreaterThanOrEqualTo(4.5);
            assertThat(contrast(vars.get(text), vars.get("bg"))).as(text + " on the page").isGreaterThanOrEqualTo(4.5);
        }
        assertThat(contrast(vars.get("accent-ink"), vars.get("accent"))).as("a primary button").isGreaterThanOrEqualTo(4.5);
        // the top bar: its links and the signed-in line on its dark blue
        Matcher bar = Pattern.compile("header\\.top \\{[^}]*background: (#[0-9a-f]{6})").matcher(css);
        assertThat(bar.find()).isTrue();
        Matcher link = Pattern.compile("header\\.top nav a \\{[^}]*color: (#[0-9a-f]{6})").matcher(css);
        Matcher who = Pattern.compile("header\\.top \\.who \\{[^}]*color: (#[0-9a-f]{6})").matcher(css);
        assertThat(link.find() && who.find()).isTrue();
        assertThat(contrast(link.group(1), bar.group(1))).isGreaterThanOrEqualTo(4.5);
        assertThat(contrast(who.group(1), bar.group(1))).isGreaterThanOrEqualTo(4.5);
    }
}
