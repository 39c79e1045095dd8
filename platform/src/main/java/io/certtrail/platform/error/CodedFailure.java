package io.certtrail.platform.error;

import io.certtrail.platform.i18n.Text;
import java.util.List;

/**
 * What a failed command tells its caller, as its exception's details: the code, and the text's key
 * and arguments, so the caller answers in the reader's language. Only the details survive the trip
 * back through Axon Server.
 */
public record CodedFailure(ErrorCode code, String key, List<String> args) {

    public CodedFailure {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static CodedFailure of(ErrorCode code, Text detail) {
        return new CodedFailure(code, detail.key(), detail.args());
    }

    public Text detail() {
        return new Text(key, args);
    }
}
