package io.certtrail.query.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instances that share the keystore's directory and start together end with one key: the one
 * first made. Verifiers fetch one JWKS, whichever instance answers.
 */
class IssuerKeyTest {

    @TempDir
    Path dir;

    @Test
    void instancesStartingTogetherOnASharedDirectoryAllSignWithTheFirstKeyMade() throws Exception {
        Path keystore = dir.resolve("shared/signing.p12");
        int instances = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<X509Certificate>> made = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                made.add(pool.submit(() -> {
                    start.await();
                    return new IssuerKey(
                                    new CertificatePdf.Issuer(null, null, null, null),
                                    keystore.toString(),
                                    "secret",
                                    true)
                            .certificate();
                }));
            }
            start.countDown();
            X509Certificate first = made.get(0).get();
            for (Future<X509Certificate> other : made) {
                assertThat(other.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        // the file holds that key, and no temporary file is left beside it
        assertThat(new IssuerKey(
                                new CertificatePdf.Issuer(null, null, null, null), keystore.toString(), "secret", false)
                        .certificate())
                .isEqualTo(new IssuerKey(
                                new CertificatePdf.Issuer(null, null, null, null), keystore.toString(), "secret", true)
                        .certificate());
        try (var files = Files.list(keystore.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("signing.p12");
        }
    }
}
