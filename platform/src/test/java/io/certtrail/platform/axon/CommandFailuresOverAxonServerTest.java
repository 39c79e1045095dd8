package io.certtrail.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.axoniq.axonserver.connector.ErrorCategory;
import io.axoniq.axonserver.grpc.ErrorMessage;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import io.certtrail.platform.web.ProblemDetailsAdvice;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures as the Axon Server connector raises them, answered over HTTP. No Axon Server runs here,
 * so the trip through it is simulated with the connector's own code: the handling instance's result
 * is turned into the {@code CommandResponse} Axon Server carries by the connector's
 * {@link CommandSerializer}, and back into the exception the dispatching instance sees by the same
 * class; the dispatch failures are built exactly as {@code AxonServerCommandBus} and the gRPC
 * connector build them (their sources, 4.13.0 and 2025.2.1).
 */
class CommandFailuresOverAxonServerTest {

    record Activate(String addressId) {}

    /** The event store's append, failing at commit the way the connector's event store fails it. */
    private static final MessageHandler<CommandMessage<?>> CONFLICTING_APPEND = command -> {
        CurrentUnitOfWork.get().onCommit(unitOfWork -> {
            throw ErrorCode.INVALID_EVENT_SEQUENCE.convert(ErrorMessage.newBuilder()
                    .setMessage(
                            "OUT_OF_RANGE: [AXONIQ-2000] Invalid sequence number 0 for aggregate addr_1, expected 1")
                    .setLocation("axonserver")
                    .build());
        });
        return "activated";
    };

    @Test
    void aSequenceConflictAtCommitOnAnotherInstanceIsAConcurrentChange() throws Exception {
        SimpleCommandBus handlingInstance = new CodedFailuresCommandBus(SimpleCommandBus.builder());
        handlingInstance.subscribe(Activate.class.getName(), CONFLICTING_APPEND);

        api(new ThroughAxonServer(handlingInstance))
                .perform(post("/activate"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_BASE + "concurrent-change"))
                .andExpect(jsonPath("$.code").value("CONCURRENT_CHANGE"));
    }

    @Test
    void withoutCodesTheSameConflictWasA500() throws Exception {
        // what the production topology showed: the plain bus passes the conflict on without details
        SimpleCommandBus handlingInstance = SimpleCommandBus.builder().build();
        handlingInstance.subscribe(Activate.class.getName(), CONFLICTING_APPEND);

        api(new ThroughAxonServer(handlingInstance))
                .perform(post("/activate"))
                .andExpect(status().isInternalServerError());
    }

    @Test
    void aSequenceConflictOnThisInstanceIsAConcurrentChange() throws Exception {
        SimpleCommandBus bus = new CodedFailuresCommandBus(SimpleCommandBus.builder());
        bus.subscribe(Activate.class.getName(), CONFLICTING_APPEND);

        api(bus).perform(post("/activate"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONCURRENT_CHANGE"));
    }

    @Test
    void axonServerOutOfReachIsA503WithRetryAfter() throws Exception {
        // CommandChannelImpl's response handler on a gRPC error; AxonServerCommandBus then completes the
        // callback through CompletableFuture.exceptionally, which sees it wrapped in a CompletionException
        Throwable unreachable = new CompletionException(new io.axoniq.axonserver.connector.AxonServerException(
                ErrorCategory.COMMAND_DISPATCH_ERROR,
                "Received exception while dispatching command",
                "command-side-1",
                Status.UNAVAILABLE.withDescription("io exception").asRuntimeException()));
        expectUnavailable(() -> unreachable);
    }

    @Test
    void aConnectionThatCannotBeHadIsA503WithRetryAfter() throws Exception {
        // AxonServerCommandBus.doDispatch when getting the connection or the channel throws
        expectUnavailable(() -> new AxonServerCommandDispatchException(
                ErrorCode.COMMAND_DISPATCH_ERROR.errorCode(),
                "Exception while dispatching a command to AxonServer",
                new IllegalStateException("no connection")));
    }

    @Test
    void noCommandSideConnectedIsA503WithRetryAfter() throws Exception {
        expectUnavailable(() -> ErrorCode.NO_HANDLER_FOR_COMMAND.convert(ErrorMessage.newBuilder()
                .setMessage("No Handler for command: Activate")
                .build()));
    }

    @Test
    void anEventStoreWithoutLeaderIsA503WithRetryAfter() throws Exception {
        SimpleCommandBus bus = new CodedFailuresCommandBus(SimpleCommandBus.builder());
        bus.subscribe(Activate.class.getName(), command -> {
            CurrentUnitOfWork.get().onCommit(unitOfWork -> {
                throw ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE.convert(ErrorMessage.newBuilder()
                        .setMessage("No leader for context default")
                        .build());
            });
            return "activated";
        });
        api(new ThroughAxonServer(bus))
                .perform(post("/activate"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("COMMANDS_UNAVAILABLE"));
    }

    private static void expectUnavailable(Supplier<Throwable> failure) throws Exception {
        api(new FailingDispatch(failure))
                .perform(post("/activate"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.type").value(ProblemDetailsAdvice.TYPE_BASE + "commands-unavailable"))
                .andExpect(jsonPath("$.code").value("COMMANDS_UNAVAILABLE"));
    }

    private static MockMvc api(CommandBus bus) {
        return MockMvcBuilders.standaloneSetup(new Endpoint(
                        DefaultCommandGateway.builder().commandBus(bus).build()))
                .setControllerAdvice(new ProblemDetailsAdvice())
                .build();
    }

    @RestController
    static class Endpoint {
        private final DefaultCommandGateway gateway;

        Endpoint(DefaultCommandGateway gateway) {
            this.gateway = gateway;
        }

        @PostMapping("/activate")
        Object activate() {
            return gateway.sendAndWait(new Activate("addr_1"));
        }
    }

    /** A dispatching instance whose commands are handled by another, the result crossing as Axon Server carries it. */
    static final class ThroughAxonServer extends BusStandIn {
        private final CommandBus handlingInstance;
        private final CommandSerializer wire =
                new CommandSerializer(JacksonSerializer.defaultSerializer(), new AxonServerConfiguration());

        ThroughAxonServer(CommandBus handlingInstance) {
            this.handlingInstance = handlingInstance;
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            handlingInstance.<C, R>dispatch(command, (message, result) -> {
                CommandResponse response = wire.serialize(result, "request-1");
                assertThat(response.getErrorCode()).isIn("", "AXONIQ-4002");
                CommandResultMessage<R> received = wire.deserialize(response);
                callback.onResult(command, received);
            });
        }
    }

    /** A dispatching instance whose command never leaves it. */
    static final class FailingDispatch extends BusStandIn {
        private final Supplier<Throwable> failure;

        FailingDispatch(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public <C, R> void dispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
            callback.onResult(command, GenericCommandResultMessage.asCommandResultMessage(failure.get()));
        }
    }

    abstract static class BusStandIn implements CommandBus {
        @Override
        public <C> void dispatch(CommandMessage<C> command) {
            dispatch(command, (m, r) -> {});
        }

        @Override
        public Registration subscribe(String commandName, MessageHandler<? super CommandMessage<?>> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration registerHandlerInterceptor(
                MessageHandlerInterceptor<? super CommandMessage<?>> interceptor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            throw new UnsupportedOperationException();
        }
    }
}
