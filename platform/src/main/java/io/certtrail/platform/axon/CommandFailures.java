package io.certtrail.platform.axon;

import io.certtrail.platform.error.CodedFailure;
import io.certtrail.platform.error.DomainException;
import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * What a failed command means to its caller, read from the exception types Axon and its Axon Server
 * connector raise, never from their messages. One home for the two places that ask: the bus that
 * handles commands ({@link CodedFailuresCommandBus}) and the web layer that answers the request.
 */
public final class CommandFailures {

    private static final Text CONCURRENT_CHANGE_DETAIL = Text.of("problem.concurrent-change");
    private static final Text UNAVAILABLE_DETAIL = Text.of("problem.commands-unavailable");
    private static final Text NOT_FOUND_DETAIL = Text.of("problem.certificate-application.10");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CommandFailures.class);

    private CommandFailures() {}

    /** The code and what to tell the caller, or empty for a fault of ours (a 500). */
    public static Optional<CommandExecutionException> coded(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CommandExecutionException e
                    && e.getDetails()
                            .filter(d -> d instanceof ErrorCode || d instanceof CodedFailure)
                            .isPresent()) {
                return Optional.of(e);
            }
            if (t instanceof DomainException e) {
                return Optional.of(coded(e.code(), e.detail()));
            }
            if (t instanceof AggregateNotFoundException) {
                // a command for something that does not exist (an unknown application, say): the caller's mistake
                return Optional.of(coded(ErrorCode.NOT_FOUND, NOT_FOUND_DETAIL));
            }
            if (t instanceof ConcurrencyException || t instanceof DeadlockException) {
                // AXONIQ-2000 at commit on Axon Server (the connector raises a ConcurrencyException), a
                // duplicate sequence number on the JDBC store, or a lock another command held
                return Optional.of(coded(ErrorCode.CONCURRENT_CHANGE, CONCURRENT_CHANGE_DETAIL));
            }
            if (unavailable(t)) {
                // the caller is told to try again; the operator needs to know why
                LOG.warn("Command not taken ({}): {}", t.getClass().getSimpleName(), t.getMessage());
                return Optional.of(coded(ErrorCode.COMMANDS_UNAVAILABLE, UNAVAILABLE_DETAIL));
            }
        }
        return Optional.empty();
    }

    /** The code a failed command's details carry, whichever release's instance handled it. */
    public static Optional<ErrorCode> codeOf(CommandExecutionException e) {
        return e.getDetails()
                .map(details -> details instanceof CodedFailure failure
                        ? failure.code()
                        : details instanceof ErrorCode code ? code : null);
    }

    private static CommandExecutionException coded(ErrorCode code, Text detail) {
        return new CommandExecutionException(detail.english(), null, CodedFailure.of(code, detail));
    }

    /**
     * The command never reached a handler, or its events never reached the store: Axon Server out of
     * reach ({@code AXONIQ-4003} from the connector, a gRPC {@code UNAVAILABLE} beneath), no command
     * handler connected to it ({@code AXONIQ-4000}), or the store refusing the append (no leader,
     * the database gone). Nothing was stored, so the same request can simply be sent again.
     */
    private static boolean unavailable(Throwable t) {
        return t instanceof CommandDispatchException
                || t instanceof NoHandlerForCommandException
                || t instanceof EventStoreException
                || t instanceof org.axonframework.messaging.EventPublicationFailedException
                || t instanceof org.axonframework.axonserver.connector.AxonServerException
                || t instanceof io.axoniq.axonserver.connector.AxonServerException
                || t instanceof io.grpc.StatusRuntimeException grpc
                        && grpc.getStatus().getCode() == io.grpc.Status.Code.UNAVAILABLE;
    }
}
