package io.certtrail.command.support;

import io.certtrail.platform.axon.AxonInfrastructureConfiguration;
import io.certtrail.platform.identity.Role;
import io.certtrail.platform.web.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command on behalf of a caller, stamping who and from where; the events inherit it. */
@Component
public class CommandSender {

    /** The key Axon's {@code MessageOriginProvider} copies from a message to all it causes. */
    static final String TRACE_ID = "traceId";

    private final CommandGateway gateway;

    CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R send(Object command, String actor, Role role, HttpServletRequest request) {
        Map<String, Object> meta = new HashMap<>(Map.of(
                AxonInfrastructureConfiguration.ACTOR, actor,
                AxonInfrastructureConfiguration.ACTOR_ROLE, role.name(),
                AxonInfrastructureConfiguration.CLIENT_ADDRESS, request.getRemoteAddr()));
        String correlation = CorrelationIdFilter.current();
        if (correlation != null) {
            // Axon's trace id of the command and every message it causes: the request's correlation id
            meta.put(TRACE_ID, correlation);
        }
        return gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(meta));
    }

    /** A command CertTrail itself sends on a schedule: the actor names the job, the role is SYSTEM. */
    public <R> R sendAsSystem(Object command, String actor) {
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(
                        AxonInfrastructureConfiguration.ACTOR, actor,
                        AxonInfrastructureConfiguration.ACTOR_ROLE, SYSTEM_ROLE)));
    }

    /** Not a role anyone signs in with: it only names who acted in the audit trail. */
    public static final String SYSTEM_ROLE = "SYSTEM";
}
