package dev.ecsnet.domain.net;

import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.DomainException;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Timers;
import dev.ecsnet.domain.common.TimingProfile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What users change on existing network interfaces: attaching one to an instance (its Availability Zone, a free
 * device index, the instance type's interface limit) and detaching it, on the clock ({@code attaching → attached},
 * {@code detaching → detached}); and one attribute at a time of ModifyNetworkInterfaceAttribute. Primary interfaces
 * and interfaces another AWS service manages cannot be detached.
 */
public final class NetworkInterfaceChanges {
    private static final int MAX_GROUPS = 5;
    /** Timer kinds (key: the interface, args: the attachment): an attaching attachment is attached, a detaching one detached. */
    private static final String ATTACHED = "ec2.eni.attached";
    private static final String DETACHED = "ec2.eni.detached";

    private final Network network;
    private final IdSource ids;
    private final Clock clock;
    private final Timers timers;
    private final TimingProfile timing;

    /** The instance an interface is attached to, as the attachment rules see it. */
    public record Host(String instanceId, AvailabilityZone zone, String instanceType, int maxInterfaces) {
    }

    NetworkInterfaceChanges(Network network, IdSource ids, Clock clock, Timers timers, TimingProfile timing) {
        this.network = network;
        this.ids = ids;
        this.clock = clock;
        this.timers = timers;
        this.timing = timing;
        timers.on(ATTACHED, (eniId, attachmentId) -> settle(eniId, attachmentId, "attaching", "attached"));
        timers.on(DETACHED, (eniId, attachmentId) -> settle(eniId, attachmentId, "detaching", "detached"));
    }

    /** Interfaces attached (or attaching, or detaching) to {@code instanceId} that take a device index. */
    public List<NetworkInterface> attachedTo(String instanceId) {
        return network.networkInterfaces().stream().filter(n -> !"branch".equals(n.interfaceType()))
                .filter(n -> n.attachment().map(a -> instanceId.equals(a.instanceId())).orElse(false)).toList();
    }

    public EniAttachment attach(String eniId, Host host, int deviceIndex, int networkCardIndex) {
        NetworkInterface eni = network.networkInterface(eniId);
        if (eni.attachment().isPresent()) {
            throw DomainException.invalid("InvalidNetworkInterface.InUse", "Interface: [" + eniId + "] in use.");
        }
        if (!eni.zone().equals(host.zone())) {
            throw DomainException.invalid("InvalidParameterCombination",
                    "You may not attach a network interface to an instance if they are not in the same availability zone");
        }
        if (deviceIndex < 0) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + deviceIndex + ") for parameter deviceIndex is invalid.");
        }
        if (networkCardIndex != 0) {
            throw DomainException.invalid("InvalidParameterValue", "Value (" + networkCardIndex
                    + ") for parameter networkCardIndex is invalid. ecsnet models one network card (index 0).");
        }
        List<NetworkInterface> attached = attachedTo(host.instanceId());
        if (attached.stream().anyMatch(n -> n.attachment().orElseThrow().deviceIndex() == deviceIndex)) {
            throw DomainException.invalid("InvalidParameterValue", "Instance '" + host.instanceId()
                    + "' already has an interface attached at device index '" + deviceIndex + "'.");
        }
        if (attached.size() + 1 > host.maxInterfaces()) {
            throw DomainException.invalid("AttachmentLimitExceeded", "Interface count " + (attached.size() + 1)
                    + " exceeds the limit for " + host.instanceType());
        }
        network.gate().open();
        EniAttachment a = new EniAttachment(ids.resourceId("eni-attach"), host.instanceId(), network.accountId(), deviceIndex,
                networkCardIndex, "attaching", clock.now(), false);
        eni.setAttachment(a);
        timers.schedule(timing.activating(), ATTACHED, eni.id(), a.attachmentId());
        return a;
    }

    private NetworkInterface byAttachment(String attachmentId) {
        return network.networkInterfaces().stream()
                .filter(n -> n.attachment().map(a -> a.attachmentId().equals(attachmentId)).orElse(false)).findFirst()
                .orElseThrow(() -> DomainException.notFound("InvalidAttachmentID.NotFound", "The attachment ID '" + attachmentId + "' does not exist"));
    }

    /** DetachNetworkInterface; {@code force} is accepted (ecsnet's instances have no operating system to wait for). */
    public void detach(String attachmentId, boolean force) {
        NetworkInterface eni = byAttachment(attachmentId);
        EniAttachment a = eni.attachment().orElseThrow();
        if (eni.requesterManaged() || a.instanceId() == null) {
            throw DomainException.invalid("OperationNotPermitted", "You are not allowed to manage 'ela-attach' attachments.");
        }
        if (a.deviceIndex() == 0) {
            throw DomainException.invalid("OperationNotPermitted", "The network interface at device index 0 and networkCard index 0 cannot be detached.");
        }
        if (a.status().equals("detaching")) {
            return;
        }
        network.gate().open();
        EniAttachment detaching = a.withStatus("detaching");
        eni.setAttachment(detaching);
        timers.schedule(timing.deactivating(), DETACHED, eni.id(), detaching.attachmentId());
    }

    /** One attribute of ModifyNetworkInterfaceAttribute; null fields are not being changed. */
    public record Modification(String description, Boolean sourceDestCheck, List<String> groupIds, String attachmentId,
                               Boolean deleteOnTermination) {
    }

    public void modify(String eniId, Modification m) {
        NetworkInterface eni = network.networkInterface(eniId);
        int given = (m.description() != null ? 1 : 0) + (m.sourceDestCheck() != null ? 1 : 0) + (m.groupIds() != null ? 1 : 0)
                + (m.attachmentId() != null || m.deleteOnTermination() != null ? 1 : 0);
        if (given != 1) {
            throw DomainException.invalid("InvalidParameterCombination", given == 0 ? "No attributes specified."
                    : "Fields for multiple attribute types specified: description, sourceDestCheck, groupSet, attachment");
        }
        List<String> groups = m.groupIds() == null ? null : List.copyOf(new LinkedHashSet<>(m.groupIds()));
        if (groups != null) {
            validateGroups(eni, groups);
        }
        Optional<EniAttachment> attachment = Optional.empty();
        if (m.attachmentId() != null || m.deleteOnTermination() != null) {
            if (m.attachmentId() == null || m.deleteOnTermination() == null) {
                throw DomainException.invalid("MissingParameter", "The request must contain the parameter "
                        + (m.attachmentId() == null ? "attachment.attachmentId" : "attachment.deleteOnTermination"));
            }
            attachment = eni.attachment().filter(a -> a.attachmentId().equals(m.attachmentId()));
            if (attachment.isEmpty()) {
                throw DomainException.notFound("InvalidAttachmentID.NotFound", "The attachment ID '" + m.attachmentId() + "' does not exist");
            }
        }
        network.gate().open();
        if (m.description() != null) {
            eni.setDescription(m.description());
        }
        if (m.sourceDestCheck() != null) {
            eni.setSourceDestCheck(m.sourceDestCheck());
        }
        if (groups != null) {
            List<String> before = eni.groupIds();
            eni.setGroupIds(groups);
            network.indexes().groupsChanged(eni, before);
        }
        attachment.ifPresent(a -> eni.setAttachment(a.withDeleteOnTermination(m.deleteOnTermination())));
    }

    private void validateGroups(NetworkInterface eni, List<String> groups) {
        if (groups.isEmpty()) {
            throw DomainException.invalid("MissingParameter", "The request must contain the parameter groupSet");
        }
        if (groups.size() > MAX_GROUPS) {
            throw DomainException.invalid("SecurityGroupsPerInterfaceLimitExceeded",
                    "You have exceeded the maximum number of security groups allowed per network interface.");
        }
        for (String g : groups) {
            if (!network.securityGroup(g).vpcId().equals(eni.vpcId())) {
                throw DomainException.invalid("InvalidParameterValue", "Security group " + g + " and subnet " + eni.subnetId()
                        + " belong to different networks.");
            }
        }
    }

    /** Moves the attachment on to {@code next} if the ENI still exists and still has it in {@code status}. */
    private void settle(String eniId, String attachmentId, String status, String next) {
        network.findNetworkInterface(eniId).ifPresent(eni -> eni.lastAttachment()
                .filter(x -> x.attachmentId().equals(attachmentId) && x.status().equals(status))
                .ifPresent(x -> eni.setAttachment(x.withStatus(next))));
    }
}
