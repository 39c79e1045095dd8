package io.certtrail.platform.certificates;

import io.certtrail.events.certificate.CertificateFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue shipped for the demo: the vendor's three levels (HCIA associate, HCIP professional,
 * HCIE expert) in four tracks, valid three years, the expert level on paper (as
 * {@link CertificateFormats#defaults()}). The certification office's own definitions (events)
 * replace an entry of the same name.
 */
public final class DefaultCatalogue {

    /** One certification: how the catalogue holds it. */
    public record Definition(
            String certificationName,
            String track,
            String level,
            int validityMonths,
            List<CertificateFormat> formats,
            boolean revivesExpired) {}

    public static final List<String> LEVELS = List.of("ASSOCIATE", "PROFESSIONAL", "EXPERT");

    private static final List<String> TRACKS = List.of("Datacom", "Security", "Cloud", "Storage");
    private static final List<String> PREFIXES = List.of("HCIA", "HCIP", "HCIE");

    private DefaultCatalogue() {}

    public static List<Definition> definitions() {
        List<Definition> all = new ArrayList<>();
        for (String track : TRACKS) {
            for (int level = 0; level < PREFIXES.size(); level++) {
                boolean expert = level == 2;
                all.add(new Definition(
                        PREFIXES.get(level) + "-" + track,
                        track,
                        LEVELS.get(level),
                        36,
                        List.of(expert ? CertificateFormat.PAPER : CertificateFormat.ELECTRONIC),
                        false));
            }
        }
        return List.copyOf(all);
    }
}
