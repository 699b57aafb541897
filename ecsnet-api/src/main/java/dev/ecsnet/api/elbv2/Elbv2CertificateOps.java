package dev.ecsnet.api.elbv2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ecsnet.api.Call;
import dev.ecsnet.api.OperationTable;
import dev.ecsnet.api.Params;
import dev.ecsnet.domain.elb.Listener;
import dev.ecsnet.domain.elb.Listeners;
import dev.ecsnet.domain.elb.SslPolicies;
import dev.ecsnet.protocol.AwsError;

import java.util.ArrayList;
import java.util.List;

import static dev.ecsnet.api.elbv2.Elbv2Handler.elb;
import static dev.ecsnet.api.elbv2.Elbv2Handler.strings;

/**
 * ELBv2 TLS operations: the security policy catalogue (DescribeSSLPolicies) and a listener's certificate list
 * (Add/Remove/DescribeListenerCertificates). Certificates are ARNs only: ecsnet has no ACM or IAM certificate store.
 */
final class Elbv2CertificateOps {
    private static final List<String> LOAD_BALANCER_TYPES = List.of("application", "network", "gateway");

    private Elbv2CertificateOps() {
    }

    static void register(OperationTable ops) {
        ops.register("DescribeSSLPolicies", Elbv2CertificateOps::describeSslPolicies)
                .register("AddListenerCertificates", Elbv2CertificateOps::addListenerCertificates)
                .register("RemoveListenerCertificates", Elbv2CertificateOps::removeListenerCertificates)
                .register("DescribeListenerCertificates", Elbv2CertificateOps::describeListenerCertificates);
    }

    private static ObjectNode describeSslPolicies(Call c) {
        Params p = c.params();
        String type = p.string("LoadBalancerType").filter(s -> !s.isEmpty()).orElse(null);
        if (type != null && !LOAD_BALANCER_TYPES.contains(type)) {
            throw AwsError.badRequest("ValidationError", "1 validation error detected: Value '" + type
                    + "' at 'loadBalancerType' failed to satisfy constraint: Member must satisfy enum value set: [" + String.join(", ", LOAD_BALANCER_TYPES) + "]");
        }
        List<SslPolicies.SslPolicy> policies = SslPolicies.describe(strings(p, "Names"), type);
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("SslPolicies");
        for (SslPolicies.SslPolicy policy : Elbv2Handler.page(p, policies, out)) {
            ObjectNode o = list.addObject();
            ArrayNode protocols = o.putArray("SslProtocols");
            policy.protocols().forEach(protocols::add);
            ArrayNode ciphers = o.putArray("Ciphers");
            for (int i = 0; i < policy.ciphers().size(); i++) {
                ciphers.addObject().put("Name", policy.ciphers().get(i)).put("Priority", i + 1);
            }
            o.put("Name", policy.name());
            ArrayNode types = o.putArray("SupportedLoadBalancerTypes");
            policy.loadBalancerTypes().forEach(types::add);
        }
        return out;
    }

    private static List<Listeners.CertificateRequest> requested(Params p) {
        if (p.list("Certificates").isEmpty()) {
            throw Elbv2Handler.missing("Certificates");
        }
        return Elbv2ListenerOps.certificates(p);
    }

    private static ObjectNode addListenerCertificates(Call c) {
        Params p = c.params();
        List<String> added = elb(c).listeners().addCertificates(p.required("ListenerArn"), requested(p));
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Certificates");
        added.forEach(a -> list.addObject().put("CertificateArn", a).put("IsDefault", false));
        return out;
    }

    private static ObjectNode removeListenerCertificates(Call c) {
        Params p = c.params();
        elb(c).listeners().removeCertificates(p.required("ListenerArn"), requested(p));
        return Call.object();
    }

    /** The certificate list, then the default certificate (IsDefault true), as AWS lists them. */
    private static ObjectNode describeListenerCertificates(Call c) {
        Listener l = elb(c).listeners().get(c.params().required("ListenerArn"));
        List<ObjectNode> certificates = new ArrayList<>();
        l.additionalCertificateArns().forEach(a -> certificates.add(Call.object().put("CertificateArn", a).put("IsDefault", false)));
        l.defaultCertificateArn().ifPresent(a -> certificates.add(Call.object().put("CertificateArn", a).put("IsDefault", true)));
        ObjectNode out = Call.object();
        ArrayNode list = out.putArray("Certificates");
        Elbv2Handler.page(c.params(), certificates, out).forEach(list::add);
        return out;
    }
}
