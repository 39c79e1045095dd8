package io.certtrail.command.mail;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

/**
 * A mail that cannot be sent because the mail server is out of reach is sent later, never dropped.
 * Axon's default for a failing handler is to log it and move on: with the SMTP server down, an
 * acknowledged request's activation mail was lost for good (MailOutageTest). Now the mail
 * processor stops at that event and retries it (after 1 s, doubling up to a minute) until the
 * server takes it; mails already sent are not sent again ({@code sent_notifications}).
 *
 * <p>A mail the server refuses for itself (a recipient it rejects, say) would fail the same way
 * forever and hold every other mail behind it: it is logged, by event and kind only (the error
 * names the address), and left; the holder can ask again.
 */
@Configuration(proxyBeanMethods = false)
class MailDeliveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailDeliveryConfiguration.class);

    @Bean
    ConfigurerModule mailRetriedWhileTheServerIsAway() {
        return configurer -> configurer.eventProcessing(processing ->
                processing.registerListenerInvocationErrorHandler("mail", config -> retryWhileServerAway()));
    }

    static ListenerInvocationErrorHandler retryWhileServerAway() {
        return (exception, event, handler) -> {
            if (serverAway(exception)) {
                throw exception;
            }
            log.error(
                    "The mail for event {} ({}) was refused and is not sent: {}",
                    event.getIdentifier(),
                    event.getPayloadType().getSimpleName(),
                    exception.getClass().getName());
        };
    }

    static boolean serverAway(Throwable failure) {
        if (failure instanceof MailAuthenticationException) {
            return true; // our credentials, not the mail: fixed by configuration, then retried
        }
        if (failure instanceof MailSendException send) {
            for (Exception cause : send.getFailedMessages().values()) {
                if (serverAway(cause)) {
                    return true;
                }
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof SocketException
                    || cause.getClass().getSimpleName().equals("MailConnectException")) {
                return true;
            }
        }
        return false;
    }
}
