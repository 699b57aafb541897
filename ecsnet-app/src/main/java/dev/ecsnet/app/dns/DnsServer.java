package dev.ecsnet.app.dns;

import dev.ecsnet.domain.discovery.DnsAnswer;
import dev.ecsnet.domain.state.RegionState;
import dev.ecsnet.engine.Engine;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A DNS server for the Cloud Map DNS namespaces, on UDP and TCP of one loopback port: {@code A} and {@code SRV}
 * questions for {@code <service>.<namespace>} are answered with the registered instances, unknown names inside a
 * namespace with NXDOMAIN, and everything else with REFUSED (it is not a recursive resolver). Answers are
 * authoritative. Every lookup is a read on the engine thread ({@link Engine#readAll}), across all accounts and
 * regions; the first region holding a namespace for the name answers.
 *
 * <p>Wire format and parsing come from dnsjava, a maintained pure-Java DNS library (BSD), so that ecsnet does not
 * carry a hand-written DNS codec (name compression, EDNS, truncation).
 */
public final class DnsServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DnsServer.class.getName());
    private static final int UDP_PAYLOAD = 512;

    private final Engine engine;
    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ecsnet-dns");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean open = true;

    /** Binds UDP and TCP on {@code host:port}; port 0 picks a free port that is free for both. */
    public DnsServer(Engine engine, String host, int port) throws IOException {
        this.engine = engine;
        Object[] sockets = bind(InetAddress.getByName(host), port);
        this.udp = (DatagramSocket) sockets[0];
        this.tcp = (ServerSocket) sockets[1];
        threads.execute(this::serveUdp);
        threads.execute(this::serveTcp);
    }

    private static Object[] bind(InetAddress address, int port) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            DatagramSocket u = new DatagramSocket(new InetSocketAddress(address, port));
            try {
                ServerSocket t = new ServerSocket();
                t.setReuseAddress(true);
                t.bind(new InetSocketAddress(address, u.getLocalPort()));
                return new Object[]{u, t};
            } catch (IOException e) {
                u.close();
                last = e;
                if (port != 0) {
                    break;
                }
            }
        }
        throw last;
    }

    public int port() {
        return udp.getLocalPort();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (open) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
                byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                byte[] response = answer(query, UDP_PAYLOAD);
                if (response != null) {
                    udp.send(new DatagramPacket(response, response.length, packet.getSocketAddress()));
                }
            } catch (SocketException closed) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "dns udp request failed: " + e);
            }
        }
    }

    private void serveTcp() {
        while (open) {
            try {
                Socket s = tcp.accept();
                threads.execute(() -> serveConnection(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serveConnection(Socket s) {
        try (s; DataInputStream in = new DataInputStream(s.getInputStream()); DataOutputStream out = new DataOutputStream(s.getOutputStream())) {
            s.setSoTimeout(10_000);
            while (open) {
                int length = in.readUnsignedShort();
                byte[] query = in.readNBytes(length);
                if (query.length < length) {
                    return;
                }
                byte[] response = answer(query, 65535);
                if (response == null) {
                    return;
                }
                out.writeShort(response.length);
                out.write(response);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection or went quiet
        }
    }

    /** The wire answer to one wire query, or null when the bytes are not a DNS query at all. */
    byte[] answer(byte[] wire, int maxLength) {
        Message query;
        try {
            query = new Message(wire);
        } catch (IOException e) {
            return null;
        }
        Header qh = query.getHeader();
        if (qh.getFlag(Flags.QR)) {
            return null;
        }
        Message response = new Message(qh.getID());
        Header rh = response.getHeader();
        rh.setFlag(Flags.QR);
        if (qh.getFlag(Flags.RD)) {
            rh.setFlag(Flags.RD);
        }
        rh.setOpcode(qh.getOpcode());
        Record question = query.getQuestion();
        if (question == null || qh.getOpcode() != Opcode.QUERY || query.getSection(Section.QUESTION).size() != 1) {
            rh.setRcode(question == null ? Rcode.FORMERR : Rcode.NOTIMP);
            return response.toWire(maxLength);
        }
        response.addRecord(question, Section.QUESTION);
        if (question.getDClass() != DClass.IN) {
            rh.setRcode(Rcode.REFUSED);
            return response.toWire(maxLength);
        }
        String name = question.getName().toString();
        String type = Type.string(question.getType());
        DnsAnswer answer = engine.readAll(regions -> lookup(regions, name, type));
        switch (answer.rcode()) {
            case REFUSED -> rh.setRcode(Rcode.REFUSED);
            case NXDOMAIN -> {
                rh.setFlag(Flags.AA);
                rh.setRcode(Rcode.NXDOMAIN);
            }
            case NOERROR -> {
                rh.setFlag(Flags.AA);
                for (DnsAnswer.Record r : answer.records()) {
                    response.addRecord(toRecord(question.getName(), r), Section.ANSWER);
                }
            }
            default -> throw new IllegalStateException(answer.rcode().name());
        }
        return response.toWire(maxLength);
    }

    private static DnsAnswer lookup(List<RegionState> regions, String name, String type) {
        DnsAnswer refused = null;
        for (RegionState region : regions) {
            DnsAnswer a = region.cloudMap().lookup(name, type);
            if (a.rcode() != DnsAnswer.Rcode.REFUSED) {
                return a;
            }
            refused = a;
        }
        return refused != null ? refused : new DnsAnswer(DnsAnswer.Rcode.REFUSED, List.of());
    }

    private static Record toRecord(Name owner, DnsAnswer.Record r) {
        try {
            if (r.type().equals("A")) {
                return new ARecord(owner, DClass.IN, r.ttl(), InetAddress.getByName(r.address()));
            }
            return new SRVRecord(owner, DClass.IN, r.ttl(), 1, 1, r.port(), Name.fromString(r.target(), Name.root));
        } catch (IOException e) {
            // addresses are dotted quads checked at registration, and targets are names we built
            throw new IllegalStateException("bad DNS record " + r, e);
        }
    }

    @Override
    public void close() {
        open = false;
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
