package io.certtrail.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies say what they mean: a JSON value of the wrong type is refused (400), not guessed
 * at, and text carries no control characters but line breaks and tabs. Left to Jackson,
 * {@code {"companyId": 12345}} became the text "12345", {@code "reason": 1} became "1", and a
 * number became a moment in 1970; a mailing address took an escape sequence. FuzzTest found each
 * of them accepted.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonInput {

    @Bean
    JsonMapperBuilderCustomizer noGuessedTypes() {
        return builder -> builder
                // {"email":"a@x","email":"b@y"}: refused, not "the last one wins" (the fuzzer sent it)
                .enable(tools.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new SimpleModule("plain-text").addDeserializer(String.class, new PlainText()))
                .withCoercionConfig(
                        LogicalType.Textual,
                        text -> text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        flag -> flag.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        number -> number.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.DateTime,
                        moment -> moment.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum,
                        choice -> choice.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /** Text as Jackson reads it, refused when it holds a control character other than a line break or a tab. */
    static final class PlainText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && value.chars().anyMatch(PlainText::forbidden)) {
                throw context.weirdStringException(
                        value,
                        String.class,
                        "text must not contain control characters (other than line breaks and tabs)");
            }
            return value;
        }

        private static boolean forbidden(int c) {
            return Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
        }
    }
}
