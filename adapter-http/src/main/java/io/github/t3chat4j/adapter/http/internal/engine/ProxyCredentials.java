package io.github.t3chat4j.adapter.http.internal.engine;

import java.util.Optional;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.Credentials;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.core5.http.protocol.HttpContext;

/** Answers a proxy's challenge with the user and password of that proxy's URL; nothing else. */
final class ProxyCredentials implements CredentialsProvider {

    private final ProxyRules rules;

    ProxyCredentials(ProxyRules rules) {
        this.rules = rules;
    }

    @Override
    public Credentials getCredentials(AuthScope scope, HttpContext context) {
        Optional<ProxyEndpoint> proxy = rules.credentialsFor(scope.getHost(), scope.getPort());
        return proxy.map(p -> new UsernamePasswordCredentials(p.user().orElse(""),
                p.password().orElse("").toCharArray())).orElse(null);
    }
}
