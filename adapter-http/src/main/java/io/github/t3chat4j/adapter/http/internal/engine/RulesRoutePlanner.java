package io.github.t3chat4j.adapter.http.internal.engine;

import java.net.URI;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/** HttpClient's route to a target goes through the proxy {@link ProxyRules} picks for it. */
final class RulesRoutePlanner extends DefaultRoutePlanner {

    private final ProxyRules rules;

    RulesRoutePlanner(ProxyRules rules) {
        super(null);
        this.rules = rules;
    }

    @Override
    protected HttpHost determineProxy(HttpHost target, HttpContext context) {
        URI uri = URI.create(target.getSchemeName() + "://" + target.toHostString());
        return rules.select(uri).map(p -> new HttpHost("http", p.host(), p.port())).orElse(null);
    }
}
