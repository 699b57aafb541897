package dev.ecsnet.domain.discovery;

import java.util.List;

/**
 * What ecsnet's DNS server answers for one question: {@code REFUSED} for names outside every DNS namespace,
 * {@code NXDOMAIN} for unknown names inside one, otherwise {@code NOERROR} with the records (possibly none).
 */
public record DnsAnswer(Rcode rcode, List<Record> records) {

    public enum Rcode { NOERROR, NXDOMAIN, REFUSED }

    /** An {@code A} record ({@code address}) or an {@code SRV} record ({@code port} and {@code target}). */
    public record Record(String name, String type, long ttl, String address, int port, String target) {
    }

    public DnsAnswer {
        records = List.copyOf(records);
    }

    static final DnsAnswer REFUSED = new DnsAnswer(Rcode.REFUSED, List.of());
    static final DnsAnswer NXDOMAIN = new DnsAnswer(Rcode.NXDOMAIN, List.of());
}
