package io.certtrail.platform.axon;

import io.certtrail.platform.error.ErrorCode;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.messaging.MessageHandler;

/**
 * The bus that runs our command handlers (on Axon Server, its local segment). Every failure the
 * caller can act on leaves it as a {@link CommandExecutionException} whose details are an
 * {@link ErrorCode}, because only the details survive the trip back through Axon Server: the
 * connector passes a failure on as its messages alone, and logs a WARN with the whole stack trace
 * for any failure without details (seen: 24 KB of log for each 404).
 * <p>
 * The translation is of the <em>result</em>, not inside the handler: a sequence conflict
 * ({@code AXONIQ-2000} on Axon Server, a duplicate key on the JDBC store) shows only when the
 * unit of work commits, after every handler interceptor has returned. Seen in the production
 * topology as a 500: two holders activating one address through two command-side instances.
 */
public class CodedFailuresCommandBus extends SimpleCommandBus {

    public CodedFailuresCommandBus(Builder builder) {
        super(builder);
    }

    @Override
    protected <C, R> void handle(
            CommandMessage<C> command,
            MessageHandler<? super CommandMessage<?>> handler,
            CommandCallback<? super C, ? super R> callback) {
        super.handle(command, handler, (CommandCallback<C, R>)
                (message, result) -> callback.onResult(message, coded(result)));
    }

    static <R> CommandResultMessage<R> coded(CommandResultMessage<R> result) {
        if (!result.isExceptional() || result.exceptionDetails().isPresent()) {
            return result;
        }
        return CommandFailures.coded(result.exceptionResult())
                .<CommandResultMessage<R>>map(GenericCommandResultMessage::asCommandResultMessage)
                .orElse(result);
    }
}
