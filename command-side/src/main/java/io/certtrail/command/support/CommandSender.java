package io.certtrail.command.support;

import io.certtrail.platform.axon.AxonInfrastructureConfiguration;
import io.certtrail.platform.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of a caller, stamping who and from where; the events inherit it. */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, String actor, Role role, HttpServletRequest request) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                AxonInfrastructureConfiguration.ACTOR, actor,
                AxonInfrastructureConfiguration.ACTOR_ROLE, role.name(),
                AxonInfrastructureConfiguration.CLIENT_ADDRESS, request.getRemoteAddr())));
    }
}
