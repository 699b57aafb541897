package dev.ecsnet.domain.elb;

import dev.ecsnet.domain.common.DomainException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The security policies AWS publishes for HTTPS (ALB) and TLS (NLB) listeners, in DescribeSSLPolicies' order,
 * with their protocols and ciphers in priority order (AWS's "Security policies for your Application Load Balancer"
 * tables and the AWS CLI's describe-ssl-policies examples). The FIPS policies are not in the catalogue.
 */
public final class SslPolicies {
    /** What CreateListener gives an HTTPS or TLS listener without SslPolicy (the console uses a TLS 1.3 policy). */
    public static final String API_DEFAULT = "ELBSecurityPolicy-2016-08";

    /** One policy as DescribeSSLPolicies answers it. */
    public record SslPolicy(String name, List<String> protocols, List<String> ciphers, List<String> loadBalancerTypes) {
        public SslPolicy {
            protocols = List.copyOf(protocols);
            ciphers = List.copyOf(ciphers);
            loadBalancerTypes = List.copyOf(loadBalancerTypes);
        }
    }

    private static final List<String> TLS13 = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256");
    private static final List<String> ECDHE_GCM = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384");
    /** ECDHE ciphers without the SHA-1 ones. */
    private static final List<String> ECDHE_SHA2 = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384",
            "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384");
    private static final List<String> ECDHE_ALL = List.of("ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256",
            "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA384",
            "ECDHE-RSA-AES256-SHA", "ECDHE-ECDSA-AES256-SHA");
    private static final List<String> RSA_SHA2 = List.of("AES128-GCM-SHA256", "AES128-SHA256", "AES256-GCM-SHA384", "AES256-SHA256");
    private static final List<String> RSA_ALL = List.of("AES128-GCM-SHA256", "AES128-SHA256", "AES128-SHA", "AES256-GCM-SHA384",
            "AES256-SHA256", "AES256-SHA");
    /** ELBSecurityPolicy-2016-08's ciphers. */
    private static final List<String> CLASSIC = concat(ECDHE_ALL, RSA_ALL);
    private static final List<String> TLS12_SHA2 = concat(ECDHE_SHA2, RSA_SHA2);

    private static final List<String> V10_TO_12 = List.of("TLSv1", "TLSv1.1", "TLSv1.2");
    private static final List<String> V11_TO_12 = List.of("TLSv1.1", "TLSv1.2");
    private static final List<String> V12 = List.of("TLSv1.2");
    private static final List<String> V10_TO_13 = List.of("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final List<String> V11_TO_13 = List.of("TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final List<String> V12_TO_13 = List.of("TLSv1.2", "TLSv1.3");
    private static final List<String> V13 = List.of("TLSv1.3");

    private static final Map<String, SslPolicy> POLICIES = new LinkedHashMap<>();

    static {
        add("ELBSecurityPolicy-2016-08", V10_TO_12, CLASSIC);
        add("ELBSecurityPolicy-TLS13-1-2-2021-06", V12_TO_13, concat(TLS13, ECDHE_SHA2));
        add("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", V12_TO_13, concat(TLS13, ECDHE_GCM));
        add("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", V12_TO_13, concat(TLS13, TLS12_SHA2));
        add("ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06", V12_TO_13, concat(TLS13, CLASSIC));
        add("ELBSecurityPolicy-TLS13-1-1-2021-06", V11_TO_13, concat(TLS13, CLASSIC));
        add("ELBSecurityPolicy-TLS13-1-0-2021-06", V10_TO_13, concat(TLS13, CLASSIC));
        add("ELBSecurityPolicy-TLS13-1-3-2021-06", V13, TLS13);
        add("ELBSecurityPolicy-TLS-1-2-2017-01", V12, TLS12_SHA2);
        add("ELBSecurityPolicy-TLS-1-1-2017-01", V11_TO_12, CLASSIC);
        add("ELBSecurityPolicy-TLS-1-2-Ext-2018-06", V12, CLASSIC);
        add("ELBSecurityPolicy-FS-2018-06", V10_TO_12, ECDHE_ALL);
        add("ELBSecurityPolicy-2015-05", V10_TO_12, CLASSIC);
        add("ELBSecurityPolicy-TLS-1-0-2015-04", V10_TO_12, concat(CLASSIC, List.of("DES-CBC3-SHA")));
        add("ELBSecurityPolicy-FS-1-2-Res-2019-08", V12, ECDHE_SHA2);
        add("ELBSecurityPolicy-FS-1-1-2019-08", V11_TO_12, ECDHE_ALL);
        add("ELBSecurityPolicy-FS-1-2-2019-08", V12, ECDHE_ALL);
        add("ELBSecurityPolicy-FS-1-2-Res-2020-10", V12, ECDHE_GCM);
        // the post-quantum policies (2025-09) differ from their namesakes in key exchange only, not in ciphers
        add("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09", V12_TO_13, concat(TLS13, ECDHE_GCM));
        add("ELBSecurityPolicy-TLS13-1-2-PQ-2025-09", V12_TO_13, concat(TLS13, ECDHE_SHA2));
        add("ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09", V12_TO_13, concat(TLS13, TLS12_SHA2));
        add("ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09", V12_TO_13, concat(TLS13, CLASSIC));
        add("ELBSecurityPolicy-TLS13-1-1-PQ-2025-09", V11_TO_13, concat(TLS13, CLASSIC));
        add("ELBSecurityPolicy-TLS13-1-0-PQ-2025-09", V10_TO_13, concat(TLS13, CLASSIC));
        add("ELBSecurityPolicy-TLS13-1-3-PQ-2025-09", V13, TLS13);
    }

    private SslPolicies() {
    }

    private static void add(String name, List<String> protocols, List<String> ciphers) {
        POLICIES.put(name, new SslPolicy(name, protocols, ciphers, List.of("application", "network")));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    public static Optional<SslPolicy> find(String name) {
        return Optional.ofNullable(POLICIES.get(name));
    }

    /** The policies with these names (all when empty) that a load balancer of this type (any when null) supports. */
    public static List<SslPolicy> describe(List<String> names, String loadBalancerType) {
        List<SslPolicy> out = new ArrayList<>();
        if (names.isEmpty()) {
            out.addAll(POLICIES.values());
        } else {
            for (String n : names) {
                out.add(find(n).orElseThrow(() -> notFound(n)));
            }
        }
        return out.stream().filter(p -> loadBalancerType == null || p.loadBalancerTypes().contains(loadBalancerType)).toList();
    }

    static DomainException notFound(String name) {
        return DomainException.notFound("SSLPolicyNotFound", "SSL policy '" + name + "' not found");
    }
}
