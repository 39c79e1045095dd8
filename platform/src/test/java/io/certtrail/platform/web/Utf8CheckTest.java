package io.certtrail.platform.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8CheckTest {

    private static void feed(byte[] body, int chunk) throws Exception {
        RequestSizeLimitFilter.Utf8Check check = new RequestSizeLimitFilter.Utf8Check();
        for (int at = 0; at < body.length; at += chunk) {
            check.accept(body, at, Math.min(chunk, body.length - at));
        }
        check.end();
        check.end(); // a reader may ask again after the end
    }

    @Test
    void validTextPassesHoweverItIsCutIntoReads() {
        byte[] body = "{\"reason\":\"李瑞瑞 José 🙂\"}".getBytes(StandardCharsets.UTF_8);
        for (int chunk = 1; chunk <= body.length; chunk++) {
            int size = chunk;
            assertThatCode(() -> feed(body, size)).doesNotThrowAnyException();
        }
    }

    @Test
    void overlongFormsEncodedSurrogatesAndCutSequencesAreRefused() {
        byte[][] broken = {
            {'"', (byte) 0xC0, (byte) 0xAF, '"'},
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
            {'"', (byte) 0xFF, (byte) 0xFE, '"'},
            {'"', (byte) 0xE6, (byte) 0x9D}
        };
        for (byte[] body : broken) {
            assertThatThrownBy(() -> feed(body, 1)).isInstanceOf(RequestSizeLimitFilter.NotUtf8Exception.class);
            assertThatThrownBy(() -> feed(body, body.length))
                    .isInstanceOf(RequestSizeLimitFilter.NotUtf8Exception.class);
        }
    }
}
