package dev.ecsnet.domain.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** DNS answers for the names of Cloud Map's DNS namespaces, read from its services and instances as they are. */
final class CloudMapDns {
    private final CloudMap cloudMap;

    CloudMapDns(CloudMap cloudMap) {
        this.cloudMap = cloudMap;
    }

    /**
     * Answers one DNS question ({@code A} or {@code SRV}; others get an empty NOERROR) for names in the DNS
     * namespaces: {@code <service>.<namespace>} gives the healthy instances (all of them when none is healthy), at
     * most {@value CloudMap#MAX_ANSWERS}; an SRV target {@code <instance>.<service>.<namespace>} has an A record of its own.
     */
    public DnsAnswer lookup(String qname, String qtype) {
        String name = qname.endsWith(".") ? qname.substring(0, qname.length() - 1) : qname;
        String lower = name.toLowerCase(Locale.ROOT);
        Namespace ns = null;
        for (Namespace n : cloudMap.namespaces()) {
            String nsName = n.name().toLowerCase(Locale.ROOT);
            if (n.isDns() && (lower.equals(nsName) || lower.endsWith("." + nsName)) && (ns == null || nsName.length() > ns.name().length())) {
                ns = n;
            }
        }
        if (ns == null) {
            return DnsAnswer.REFUSED;
        }
        if (lower.length() == ns.name().length()) {
            return new DnsAnswer(DnsAnswer.Rcode.NOERROR, List.of());
        }
        String relative = lower.substring(0, lower.length() - ns.name().length() - 1);
        Namespace owner = ns;
        for (DiscoveryService s : cloudMap.services()) {
            if (!s.namespaceId().equals(owner.id())) {
                continue;
            }
            String svc = s.name().toLowerCase(Locale.ROOT);
            if (relative.equals(svc)) {
                return new DnsAnswer(DnsAnswer.Rcode.NOERROR, serviceRecords(s, name, qtype));
            }
            if (relative.endsWith("." + svc)) {
                String instanceId = relative.substring(0, relative.length() - svc.length() - 1);
                Optional<DiscoveryInstance> i = s.instances().stream().filter(x -> x.id().equalsIgnoreCase(instanceId)).findFirst();
                if (i.isPresent() && s.dnsRecord("SRV").isPresent()) {
                    long ttl = s.dnsRecord("SRV").get().ttl();
                    List<DnsAnswer.Record> recs = "A".equals(qtype) && i.get().ipv4().isPresent()
                            ? List.of(new DnsAnswer.Record(name, "A", ttl, i.get().ipv4().get(), 0, null)) : List.of();
                    return new DnsAnswer(DnsAnswer.Rcode.NOERROR, recs);
                }
            }
        }
        return DnsAnswer.NXDOMAIN;
    }

    private List<DnsAnswer.Record> serviceRecords(DiscoveryService s, String name, String qtype) {
        List<DiscoveryInstance> healthy = s.instances().stream().filter(i -> !"UNHEALTHY".equals(cloudMap.healthStatus(s, i))).toList();
        List<DiscoveryInstance> chosen = healthy.isEmpty() ? s.instances() : healthy;
        List<DnsAnswer.Record> out = new ArrayList<>();
        for (DiscoveryInstance i : chosen) {
            if (out.size() == CloudMap.MAX_ANSWERS) {
                break;
            }
            if ("A".equals(qtype) && s.dnsRecord("A").isPresent() && i.ipv4().isPresent()) {
                out.add(new DnsAnswer.Record(name, "A", s.dnsRecord("A").get().ttl(), i.ipv4().get(), 0, null));
            } else if ("SRV".equals(qtype) && s.dnsRecord("SRV").isPresent() && i.port().isPresent()) {
                out.add(new DnsAnswer.Record(name, "SRV", s.dnsRecord("SRV").get().ttl(), null, i.port().get(), i.id() + "." + name));
            }
        }
        return out;
    }
}
