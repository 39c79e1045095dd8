package io.certtrail.platform.privacy.encryption;

import io.certtrail.platform.error.ErrorCode;
import io.certtrail.platform.i18n.Text;
import io.certtrail.platform.identity.CallerArgumentResolver;
import io.certtrail.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An erased account signs in to nothing (rule 32): a holder's request whose account was erased is
 * answered 410, after the security filters have verified its token. Whether an account is erased
 * is its key's state, remembered here for a minute (an erasure is effective after its grace period; a minute more on another instance changes nothing).
 */
@Component
public class ErasedAccountsFilter extends OncePerRequestFilter {

    private static final long REMEMBER_NANOS = 60_000_000_000L;

    private final ObjectProvider<PersonKeys> keys;
    private final ConcurrentHashMap<String, long[]> known = new ConcurrentHashMap<>();

    ErasedAccountsFilter(ObjectProvider<PersonKeys> keys) {
        this.keys = keys;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/me");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PersonKeys personKeys = keys.getIfAvailable();
        if (personKeys != null
                && SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken) {
            String accountId;
            try {
                accountId = CallerArgumentResolver.current().accountId();
            } catch (RuntimeException noAccount) {
                accountId = null;
            }
            if (accountId != null && erased(personKeys, accountId)) {
                ProblemWriter.write(request, response, ErrorCode.ACCOUNT_ERASED, Text.of("problem.account-erased"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private boolean erased(PersonKeys personKeys, String accountId) {
        long now = System.nanoTime();
        long[] remembered = known.get(accountId);
        if (remembered != null && now - remembered[1] < REMEMBER_NANOS) {
            return remembered[0] == 1;
        }
        boolean erased = personKeys.erased("account:" + accountId);
        known.put(accountId, new long[] {erased ? 1 : 0, now});
        if (known.size() > 100_000) {
            known.clear();
        }
        return erased;
    }
}
