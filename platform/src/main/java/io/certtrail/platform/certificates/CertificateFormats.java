package io.certtrail.platform.certificates;

import io.certtrail.events.certificate.CertificateFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which formats each certification is issued in, by the start of its name: since 2018 the vendor
 * issues e-certificates only, except for the expert level (HCIE), which is mailed on paper. The
 * first rule whose prefix the name starts with (ignoring case) decides; a name no rule names gets
 * {@code otherwise}. Configuration ({@code certtrail.certificates.formats}), the same on both sides.
 *
 * @param rules in order; default: {@code HCIE} on paper
 * @param otherwise default: electronic
 */
@ConfigurationProperties("certtrail.certificates.formats")
public record CertificateFormats(List<Rule> rules, List<CertificateFormat> otherwise) {

    public record Rule(String prefix, List<CertificateFormat> formats) {}

    public CertificateFormats {
        rules = rules == null ? List.of(new Rule("HCIE", List.of(CertificateFormat.PAPER))) : List.copyOf(rules);
        otherwise = otherwise == null || otherwise.isEmpty()
                ? List.of(CertificateFormat.ELECTRONIC)
                : List.copyOf(otherwise);
    }

    /** The defaults, for tests and tools without Spring. */
    public static CertificateFormats defaults() {
        return new CertificateFormats(null, null);
    }

    public List<CertificateFormat> of(String certificationName) {
        String name = certificationName == null ? "" : certificationName.toUpperCase(Locale.ROOT);
        return rules.stream()
                .filter(rule -> name.startsWith(rule.prefix().toUpperCase(Locale.ROOT)))
                .findFirst()
                .map(Rule::formats)
                .orElse(otherwise);
    }
}
