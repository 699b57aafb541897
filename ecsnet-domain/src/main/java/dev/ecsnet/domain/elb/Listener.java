package dev.ecsnet.domain.elb;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A listener of a load balancer: protocol, port, default actions, and (HTTPS/TLS) its SSL policy, its default
 * certificate and the certificate list of AddListenerCertificates (additional certificates, for SNI).
 */
public final class Listener {
    private final String arn;
    private final String loadBalancerArn;
    private String protocol;
    private int port;
    private String sslPolicy;
    private String defaultCertificateArn;
    private final Set<String> additionalCertificateArns = new LinkedHashSet<>();
    private String alpnPolicy;
    private List<ListenerAction> defaultActions;
    private final String defaultRuleArn;
    final Map<String, String> attributes;
    private final Map<String, String> tags = new LinkedHashMap<>();

    Listener(String arn, String loadBalancerArn, String protocol, int port, String sslPolicy, String defaultCertificateArn,
             String alpnPolicy, List<ListenerAction> defaultActions, String defaultRuleArn, Map<String, String> attributes) {
        this.arn = arn;
        this.loadBalancerArn = loadBalancerArn;
        this.protocol = protocol;
        this.port = port;
        this.sslPolicy = sslPolicy;
        this.defaultCertificateArn = defaultCertificateArn;
        this.alpnPolicy = alpnPolicy;
        this.defaultActions = List.copyOf(defaultActions);
        this.defaultRuleArn = defaultRuleArn;
        this.attributes = new LinkedHashMap<>(attributes);
    }

    public String arn() {
        return arn;
    }

    public String loadBalancerArn() {
        return loadBalancerArn;
    }

    public String protocol() {
        return protocol;
    }

    public int port() {
        return port;
    }

    public String sslPolicy() {
        return sslPolicy;
    }

    public Optional<String> defaultCertificateArn() {
        return Optional.ofNullable(defaultCertificateArn);
    }

    /** The certificate list (not the default certificate), in the order they were added. */
    public List<String> additionalCertificateArns() {
        return List.copyOf(additionalCertificateArns);
    }

    void addCertificates(List<String> arns) {
        additionalCertificateArns.addAll(arns);
    }

    void removeCertificates(List<String> arns) {
        arns.forEach(additionalCertificateArns::remove);
    }

    public String alpnPolicy() {
        return alpnPolicy;
    }

    public List<ListenerAction> defaultActions() {
        return defaultActions;
    }

    public String defaultRuleArn() {
        return defaultRuleArn;
    }

    public Map<String, String> attributes() {
        return Map.copyOf(attributes);
    }

    public Map<String, String> tags() {
        return tags;
    }

    /** A listener that stops being HTTPS or TLS loses its certificates (a null default certificate). */
    void modify(String newProtocol, int newPort, String newSslPolicy, String newDefaultCertificate, String newAlpn,
                List<ListenerAction> newActions) {
        protocol = newProtocol;
        port = newPort;
        sslPolicy = newSslPolicy;
        defaultCertificateArn = newDefaultCertificate;
        if (newDefaultCertificate == null) {
            additionalCertificateArns.clear();
        }
        alpnPolicy = newAlpn;
        defaultActions = List.copyOf(newActions);
    }
}
