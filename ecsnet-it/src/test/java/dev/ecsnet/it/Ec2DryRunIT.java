package dev.ecsnet.it;

import dev.ecsnet.api.ec2.Ec2Handler;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.IpPermission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code DryRun=true} on every mutating EC2 operation ecsnet serves: a call that would succeed answers
 * {@code DryRunOperation} (412, "Request would have succeeded, but DryRun flag is set."), and nothing changes — not
 * the describe output of any resource type, and not the seeded id stream (the next resource created gets the id it
 * would have had without the dry run). {@link #everyMutatingOperationHasARow()} keeps the table complete: a new
 * mutating operation fails it until it has a row here.
 */
class Ec2DryRunIT {
    @RegisterExtension
    static final EcsnetServerExtension ecsnet = new EcsnetServerExtension(dev.ecsnet.domain.common.TimingProfile.INSTANT);

    private static Ec2Client ec2() {
        return ecsnet.ec2();
    }

    /**
     * One mutating operation: {@code prepare} builds what the call needs (with real, non-dry calls) and returns the
     * call itself, made with {@code dryRun(true)}.
     */
    record Row(String operation, Function<NetFixture, ThrowingCallable> prepare) {
        @Override
        public String toString() {
            return operation;
        }
    }

    /** Operations that are not changes although their names do not start with Describe or Get. */
    private static final Set<String> READS = Set.of();

    /**
     * Changes whose requests have no {@code DryRun} member at all (botocore's ec2 model), so no client can ask for a
     * dry run of them; they pass the WriteGate all the same.
     */
    private static final Set<String> WITHOUT_DRY_RUN = Set.of("ModifySubnetAttribute", "ModifyVpcAttribute",
            "AssociateVpcCidrBlock", "DisassociateVpcCidrBlock", "AssociateSubnetCidrBlock", "DisassociateSubnetCidrBlock",
            "AssignIpv6Addresses", "UnassignIpv6Addresses");

    static Stream<Row> rows() {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("CreateVpc", f -> () -> ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16").dryRun(true))));
        rows.add(new Row("DeleteVpc", f -> {
            String vpc = f.vpc("10.1.0.0/16");
            return () -> ec2().deleteVpc(r -> r.vpcId(vpc).dryRun(true));
        }));
        rows.add(new Row("CreateSubnet", f -> {
            String vpc = f.vpc("10.2.0.0/16");
            return () -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.2.1.0/24").availabilityZone("us-east-1a").dryRun(true));
        }));
        rows.add(new Row("DeleteSubnet", f -> {
            String subnet = f.subnet(f.vpc("10.3.0.0/16"), "10.3.1.0/24", "us-east-1a");
            return () -> ec2().deleteSubnet(r -> r.subnetId(subnet).dryRun(true));
        }));
        vpcAndTagRows(rows);
        securityGroupRows(rows);
        securityGroupRuleRows(rows);
        prefixListRows(rows);
        dhcpOptionsRows(rows);
        peeringRows(rows);
        attachmentRows(rows);
        interfaceAndAddressRows(rows);
        gatewayRows(rows);
        routeTableRows(rows);
        endpointAndAclRows(rows);
        insightsAndInstanceRows(rows);
        ipv6Rows(rows);
        launchTemplateRows(rows);
        return rows.stream();
    }

    /**
     * The operations (and IPv6 branches of existing ones) of dual stack, secondary CIDRs and CIDR reservations.
     * Associate/DisassociateVpcCidrBlock, Associate/DisassociateSubnetCidrBlock, ModifySubnetAttribute and
     * Assign/UnassignIpv6Addresses have no DryRun member in the EC2 API, so they have no row.
     */
    private static void ipv6Rows(List<Row> rows) {
        rows.add(new Row("CreateVpc", f -> () -> ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16").amazonProvidedIpv6CidrBlock(true).dryRun(true))));
        rows.add(new Row("CreateSubnet", f -> {
            String vpc = f.dualStackVpc("10.6.0.0/16");
            String slash64 = NetFixture.slash64(f.ipv6Block(vpc), 1);
            return () -> ec2().createSubnet(r -> r.vpcId(vpc).cidrBlock("10.6.1.0/24").ipv6CidrBlock(slash64).dryRun(true));
        }));
        rows.add(new Row("CreateSubnetCidrReservation", f -> {
            String subnet = f.subnet(f.vpc("10.7.0.0/16"), "10.7.1.0/24", "us-east-1a");
            return () -> ec2().createSubnetCidrReservation(r -> r.subnetId(subnet).cidr("10.7.1.16/28").reservationType("explicit").dryRun(true));
        }));
        rows.add(new Row("DeleteSubnetCidrReservation", f -> {
            String subnet = f.subnet(f.vpc("10.7.0.0/16"), "10.7.1.0/24", "us-east-1a");
            String scr = ec2().createSubnetCidrReservation(r -> r.subnetId(subnet).cidr("10.7.1.16/28").reservationType("explicit"))
                    .subnetCidrReservation().subnetCidrReservationId();
            return () -> ec2().deleteSubnetCidrReservation(r -> r.subnetCidrReservationId(scr).dryRun(true));
        }));
        rows.add(new Row("CreateEgressOnlyInternetGateway", f -> {
            String vpc = f.vpc("10.8.0.0/16");
            return () -> ec2().createEgressOnlyInternetGateway(r -> r.vpcId(vpc).dryRun(true));
        }));
        rows.add(new Row("DeleteEgressOnlyInternetGateway", f -> {
            String vpc = f.vpc("10.8.0.0/16");
            String eigw = ec2().createEgressOnlyInternetGateway(r -> r.vpcId(vpc)).egressOnlyInternetGateway().egressOnlyInternetGatewayId();
            return () -> ec2().deleteEgressOnlyInternetGateway(r -> r.egressOnlyInternetGatewayId(eigw).dryRun(true));
        }));
    }

    private static final String AZ = "us-east-1a";

    private static IpPermission https(String cidr) {
        return IpPermission.builder().ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(x -> x.cidrIp(cidr)).build();
    }

    private static String group(String vpc) {
        return ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("g").description("g")).groupId();
    }

    private static String eni(String subnet) {
        return ec2().createNetworkInterface(r -> r.subnetId(subnet)).networkInterface().networkInterfaceId();
    }

    private static String ami() {
        return ec2().describeImages(r -> r.owners("amazon").filters(NetFixture.filter("architecture", "x86_64")))
                .images().get(0).imageId();
    }

    private static void vpcAndTagRows(List<Row> rows) {
        rows.add(new Row("CreateTags", f -> {
            String vpc = f.vpc("10.6.0.0/16");
            return () -> ec2().createTags(r -> r.resources(vpc).tags(NetFixture.tag("Name", "x")).dryRun(true));
        }));
        rows.add(new Row("DeleteTags", f -> {
            String vpc = f.vpc("10.7.0.0/16");
            ec2().createTags(r -> r.resources(vpc).tags(NetFixture.tag("Name", "x")));
            return () -> ec2().deleteTags(r -> r.resources(vpc).dryRun(true));
        }));
    }

    private static void securityGroupRows(List<Row> rows) {
        rows.add(new Row("CreateSecurityGroup", f -> {
            String vpc = f.vpc("10.8.0.0/16");
            return () -> ec2().createSecurityGroup(r -> r.vpcId(vpc).groupName("g").description("g").dryRun(true));
        }));
        rows.add(new Row("DeleteSecurityGroup", f -> {
            String sg = group(f.vpc("10.9.0.0/16"));
            return () -> ec2().deleteSecurityGroup(r -> r.groupId(sg).dryRun(true));
        }));
        for (boolean egress : new boolean[] {false, true}) {
            String dir = egress ? "Egress" : "Ingress";
            rows.add(new Row("AuthorizeSecurityGroup" + dir, f -> {
                String sg = group(f.vpc("10.10.0.0/16"));
                return egress ? () -> ec2().authorizeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(https("10.0.0.0/8")).dryRun(true))
                        : () -> ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(https("10.0.0.0/8")).dryRun(true));
            }));
            rows.add(new Row("RevokeSecurityGroup" + dir, f -> {
                String sg = group(f.vpc("10.11.0.0/16"));
                if (egress) {
                    ec2().authorizeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(https("10.0.0.0/8")));
                    return () -> ec2().revokeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(https("10.0.0.0/8")).dryRun(true));
                }
                ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(https("10.0.0.0/8")));
                return () -> ec2().revokeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(https("10.0.0.0/8")).dryRun(true));
            }));
            rows.add(new Row("UpdateSecurityGroupRuleDescriptions" + dir, f -> {
                String sg = group(f.vpc("10.12.0.0/16"));
                IpPermission described = https("10.0.0.0/8").toBuilder().ipRanges(x -> x.cidrIp("10.0.0.0/8").description("new")).build();
                if (egress) {
                    ec2().authorizeSecurityGroupEgress(r -> r.groupId(sg).ipPermissions(https("10.0.0.0/8")));
                    return () -> ec2().updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(sg).ipPermissions(described).dryRun(true));
                }
                ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(https("10.0.0.0/8")));
                return () -> ec2().updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(sg).ipPermissions(described).dryRun(true));
            }));
        }
    }

    private static void securityGroupRuleRows(List<Row> rows) {
        rows.add(new Row("ModifySecurityGroupRules", f -> {
            String sg = group(f.vpc("10.43.0.0/16"));
            String rule = ec2().authorizeSecurityGroupIngress(r -> r.groupId(sg).ipPermissions(https("10.0.0.0/8")))
                    .securityGroupRules().get(0).securityGroupRuleId();
            return () -> ec2().modifySecurityGroupRules(r -> r.groupId(sg).securityGroupRules(u -> u.securityGroupRuleId(rule)
                    .securityGroupRule(x -> x.ipProtocol("tcp").fromPort(8443).toPort(8443).cidrIpv4("10.0.0.0/8"))).dryRun(true));
        }));
    }

    private static String prefixList(String name) {
        String id = ec2().createManagedPrefixList(r -> r.prefixListName(name).addressFamily("IPv4").maxEntries(5)
                .entries(e -> e.cidr("192.0.2.0/24"))).prefixList().prefixListId();
        ecsnet.settle();
        return id;
    }

    private static void prefixListRows(List<Row> rows) {
        rows.add(new Row("CreateManagedPrefixList", f -> () -> ec2().createManagedPrefixList(r -> r.prefixListName("p").addressFamily("IPv4")
                .maxEntries(5).entries(e -> e.cidr("192.0.2.0/24")).dryRun(true))));
        rows.add(new Row("ModifyManagedPrefixList", f -> {
            String pl = prefixList("m");
            return () -> ec2().modifyManagedPrefixList(r -> r.prefixListId(pl).currentVersion(1L).addEntries(e -> e.cidr("198.51.100.0/24")).dryRun(true));
        }));
        rows.add(new Row("DeleteManagedPrefixList", f -> {
            String pl = prefixList("d");
            return () -> ec2().deleteManagedPrefixList(r -> r.prefixListId(pl).dryRun(true));
        }));
    }

    private static String dhcpOptions() {
        return ec2().createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name").values("corp.example"))).dhcpOptions().dhcpOptionsId();
    }

    private static void dhcpOptionsRows(List<Row> rows) {
        rows.add(new Row("CreateDhcpOptions", f -> () -> ec2().createDhcpOptions(r -> r.dhcpConfigurations(c -> c.key("domain-name")
                .values("corp.example")).dryRun(true))));
        rows.add(new Row("AssociateDhcpOptions", f -> {
            String vpc = f.vpc("10.44.0.0/16");
            String dopt = dhcpOptions();
            return () -> ec2().associateDhcpOptions(r -> r.vpcId(vpc).dhcpOptionsId(dopt).dryRun(true));
        }));
        rows.add(new Row("DeleteDhcpOptions", f -> {
            String dopt = dhcpOptions();
            return () -> ec2().deleteDhcpOptions(r -> r.dhcpOptionsId(dopt).dryRun(true));
        }));
    }

    /** A peering connection between two new VPCs, {@code accepted} or pending acceptance. */
    private static String peering(NetFixture f, int first, boolean accepted) {
        String a = f.vpc("10." + first + ".0.0/16");
        String b = f.vpc("10." + (first + 1) + ".0.0/16");
        String id = ec2().createVpcPeeringConnection(r -> r.vpcId(a).peerVpcId(b)).vpcPeeringConnection().vpcPeeringConnectionId();
        ecsnet.settle();
        if (accepted) {
            ec2().acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(id));
            ecsnet.settle();
        }
        return id;
    }

    private static void peeringRows(List<Row> rows) {
        rows.add(new Row("CreateVpcPeeringConnection", f -> {
            String a = f.vpc("10.45.0.0/16");
            String b = f.vpc("10.46.0.0/16");
            return () -> ec2().createVpcPeeringConnection(r -> r.vpcId(a).peerVpcId(b).dryRun(true));
        }));
        rows.add(new Row("AcceptVpcPeeringConnection", f -> {
            String pcx = peering(f, 47, false);
            return () -> ec2().acceptVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx).dryRun(true));
        }));
        rows.add(new Row("RejectVpcPeeringConnection", f -> {
            String pcx = peering(f, 49, false);
            return () -> ec2().rejectVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx).dryRun(true));
        }));
        rows.add(new Row("DeleteVpcPeeringConnection", f -> {
            String pcx = peering(f, 51, true);
            return () -> ec2().deleteVpcPeeringConnection(r -> r.vpcPeeringConnectionId(pcx).dryRun(true));
        }));
        rows.add(new Row("ModifyVpcPeeringConnectionOptions", f -> {
            String pcx = peering(f, 53, true);
            return () -> ec2().modifyVpcPeeringConnectionOptions(r -> r.vpcPeeringConnectionId(pcx)
                    .accepterPeeringConnectionOptions(o -> o.allowDnsResolutionFromRemoteVpc(true)).dryRun(true));
        }));
    }

    private static void interfaceAndAddressRows(List<Row> rows) {
        rows.add(new Row("CreateNetworkInterface", f -> {
            String subnet = f.subnet(f.vpc("10.13.0.0/16"), "10.13.1.0/24", AZ);
            return () -> ec2().createNetworkInterface(r -> r.subnetId(subnet).dryRun(true));
        }));
        rows.add(new Row("DeleteNetworkInterface", f -> {
            String eni = eni(f.subnet(f.vpc("10.14.0.0/16"), "10.14.1.0/24", AZ));
            return () -> ec2().deleteNetworkInterface(r -> r.networkInterfaceId(eni).dryRun(true));
        }));
        rows.add(new Row("AllocateAddress", f -> () -> ec2().allocateAddress(r -> r.domain("vpc").dryRun(true))));
        rows.add(new Row("AssociateAddress", f -> {
            String vpc = f.vpc("10.15.0.0/16");
            f.attachedIgw(vpc);
            String eni = eni(f.subnet(vpc, "10.15.1.0/24", AZ));
            String eip = f.eip();
            return () -> ec2().associateAddress(r -> r.allocationId(eip).networkInterfaceId(eni).dryRun(true));
        }));
        rows.add(new Row("DisassociateAddress", f -> {
            String vpc = f.vpc("10.16.0.0/16");
            f.attachedIgw(vpc);
            String eni = eni(f.subnet(vpc, "10.16.1.0/24", AZ));
            String eip = f.eip();
            String association = ec2().associateAddress(r -> r.allocationId(eip).networkInterfaceId(eni)).associationId();
            return () -> ec2().disassociateAddress(r -> r.associationId(association).dryRun(true));
        }));
        rows.add(new Row("ReleaseAddress", f -> {
            String eip = f.eip();
            return () -> ec2().releaseAddress(r -> r.allocationId(eip).dryRun(true));
        }));
    }

    /** A running t3.medium in a new VPC's subnet, and a spare interface of that subnet. */
    private static String[] instanceAndSpareEni(NetFixture f, String cidr) {
        String image = ami();
        String subnet = f.subnet(f.vpc(cidr + "/16"), cidr.replaceAll("\\.0\\.0$", ".1.0") + "/24", AZ);
        String instance = ec2().runInstances(r -> r.imageId(image).instanceType("t3.medium").minCount(1).maxCount(1).subnetId(subnet))
                .instances().get(0).instanceId();
        ecsnet.settle();
        return new String[] {instance, eni(subnet)};
    }

    private static void attachmentRows(List<Row> rows) {
        rows.add(new Row("AttachNetworkInterface", f -> {
            String[] x = instanceAndSpareEni(f, "10.55.0.0");
            return () -> ec2().attachNetworkInterface(r -> r.instanceId(x[0]).networkInterfaceId(x[1]).deviceIndex(1).dryRun(true));
        }));
        rows.add(new Row("DetachNetworkInterface", f -> {
            String[] x = instanceAndSpareEni(f, "10.56.0.0");
            String attachment = ec2().attachNetworkInterface(r -> r.instanceId(x[0]).networkInterfaceId(x[1]).deviceIndex(1)).attachmentId();
            ecsnet.settle();
            return () -> ec2().detachNetworkInterface(r -> r.attachmentId(attachment).dryRun(true));
        }));
        rows.add(new Row("ModifyNetworkInterfaceAttribute", f -> {
            String[] x = instanceAndSpareEni(f, "10.57.0.0");
            return () -> ec2().modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(x[1]).description(d -> d.value("new")).dryRun(true));
        }));
    }

    private static void gatewayRows(List<Row> rows) {
        rows.add(new Row("CreateInternetGateway", f -> () -> ec2().createInternetGateway(r -> r.dryRun(true))));
        rows.add(new Row("AttachInternetGateway", f -> {
            String vpc = f.vpc("10.17.0.0/16");
            String igw = ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
            return () -> ec2().attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc).dryRun(true));
        }));
        rows.add(new Row("DetachInternetGateway", f -> {
            String vpc = f.vpc("10.18.0.0/16");
            String igw = f.attachedIgw(vpc);
            return () -> ec2().detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc).dryRun(true));
        }));
        rows.add(new Row("DeleteInternetGateway", f -> {
            String igw = ec2().createInternetGateway(r -> { }).internetGateway().internetGatewayId();
            return () -> ec2().deleteInternetGateway(r -> r.internetGatewayId(igw).dryRun(true));
        }));
        rows.add(new Row("CreateNatGateway", f -> {
            String vpc = f.vpc("10.19.0.0/16");
            f.attachedIgw(vpc);
            String subnet = f.subnet(vpc, "10.19.1.0/24", AZ);
            String eip = f.eip();
            return () -> ec2().createNatGateway(r -> r.subnetId(subnet).allocationId(eip).dryRun(true));
        }));
        rows.add(new Row("DeleteNatGateway", f -> {
            String vpc = f.vpc("10.20.0.0/16");
            f.attachedIgw(vpc);
            String nat = f.nat(f.subnet(vpc, "10.20.1.0/24", AZ), f.eip());
            ecsnet.settle();
            return () -> ec2().deleteNatGateway(r -> r.natGatewayId(nat).dryRun(true));
        }));
    }

    private static String table(String vpc) {
        return ec2().createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    }

    private static void routeTableRows(List<Row> rows) {
        rows.add(new Row("CreateRouteTable", f -> {
            String vpc = f.vpc("10.21.0.0/16");
            return () -> ec2().createRouteTable(r -> r.vpcId(vpc).dryRun(true));
        }));
        rows.add(new Row("DeleteRouteTable", f -> {
            String rtb = table(f.vpc("10.22.0.0/16"));
            return () -> ec2().deleteRouteTable(r -> r.routeTableId(rtb).dryRun(true));
        }));
        rows.add(new Row("AssociateRouteTable", f -> {
            String vpc = f.vpc("10.23.0.0/16");
            String subnet = f.subnet(vpc, "10.23.1.0/24", AZ);
            String rtb = table(vpc);
            return () -> ec2().associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnet).dryRun(true));
        }));
        rows.add(new Row("DisassociateRouteTable", f -> {
            String vpc = f.vpc("10.24.0.0/16");
            String subnet = f.subnet(vpc, "10.24.1.0/24", AZ);
            String rtb = table(vpc);
            String association = ec2().associateRouteTable(r -> r.routeTableId(rtb).subnetId(subnet)).associationId();
            return () -> ec2().disassociateRouteTable(r -> r.associationId(association).dryRun(true));
        }));
        rows.add(new Row("ReplaceRouteTableAssociation", f -> {
            String vpc = f.vpc("10.25.0.0/16");
            String main = f.mainTable(vpc).associations().get(0).routeTableAssociationId();
            String rtb = table(vpc);
            return () -> ec2().replaceRouteTableAssociation(r -> r.associationId(main).routeTableId(rtb).dryRun(true));
        }));
        rows.add(new Row("CreateRoute", f -> {
            String vpc = f.vpc("10.26.0.0/16");
            String igw = f.attachedIgw(vpc);
            String rtb = table(vpc);
            return () -> ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw).dryRun(true));
        }));
        rows.add(new Row("ReplaceRoute", f -> {
            String vpc = f.vpc("10.27.0.0/16");
            String igw = f.attachedIgw(vpc);
            String rtb = table(vpc);
            String eni = eni(f.subnet(vpc, "10.27.1.0/24", AZ));
            ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            return () -> ec2().replaceRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").networkInterfaceId(eni).dryRun(true));
        }));
        rows.add(new Row("DeleteRoute", f -> {
            String vpc = f.vpc("10.28.0.0/16");
            String igw = f.attachedIgw(vpc);
            String rtb = table(vpc);
            ec2().createRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
            return () -> ec2().deleteRoute(r -> r.routeTableId(rtb).destinationCidrBlock("0.0.0.0/0").dryRun(true));
        }));
    }

    private static String acl(String vpc) {
        return ec2().createNetworkAcl(r -> r.vpcId(vpc)).networkAcl().networkAclId();
    }

    private static void endpointAndAclRows(List<Row> rows) {
        rows.add(new Row("CreateVpcEndpoint", f -> {
            String vpc = f.vpc("10.29.0.0/16");
            String rtb = table(vpc);
            return () -> ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws.us-east-1.s3").routeTableIds(rtb).dryRun(true));
        }));
        rows.add(new Row("DeleteVpcEndpoints", f -> {
            String vpc = f.vpc("10.30.0.0/16");
            String subnet = f.subnet(vpc, "10.30.1.0/24", AZ);
            String e = ec2().createVpcEndpoint(r -> r.vpcId(vpc).serviceName("com.amazonaws.us-east-1.logs").vpcEndpointType("Interface")
                    .subnetIds(subnet).privateDnsEnabled(false)).vpcEndpoint().vpcEndpointId();
            ecsnet.settle();
            return () -> ec2().deleteVpcEndpoints(r -> r.vpcEndpointIds(e).dryRun(true));
        }));
        rows.add(new Row("CreateNetworkAcl", f -> {
            String vpc = f.vpc("10.31.0.0/16");
            return () -> ec2().createNetworkAcl(r -> r.vpcId(vpc).dryRun(true));
        }));
        rows.add(new Row("DeleteNetworkAcl", f -> {
            String acl = acl(f.vpc("10.32.0.0/16"));
            return () -> ec2().deleteNetworkAcl(r -> r.networkAclId(acl).dryRun(true));
        }));
        rows.add(new Row("CreateNetworkAclEntry", f -> {
            String acl = acl(f.vpc("10.33.0.0/16"));
            return () -> ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("-1").ruleAction("allow")
                    .cidrBlock("0.0.0.0/0").egress(false).dryRun(true));
        }));
        rows.add(new Row("ReplaceNetworkAclEntry", f -> {
            String acl = acl(f.vpc("10.34.0.0/16"));
            ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("-1").ruleAction("allow").cidrBlock("0.0.0.0/0").egress(false));
            return () -> ec2().replaceNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("-1").ruleAction("deny")
                    .cidrBlock("0.0.0.0/0").egress(false).dryRun(true));
        }));
        rows.add(new Row("DeleteNetworkAclEntry", f -> {
            String acl = acl(f.vpc("10.35.0.0/16"));
            ec2().createNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).protocol("-1").ruleAction("allow").cidrBlock("0.0.0.0/0").egress(false));
            return () -> ec2().deleteNetworkAclEntry(r -> r.networkAclId(acl).ruleNumber(100).egress(false).dryRun(true));
        }));
        rows.add(new Row("ReplaceNetworkAclAssociation", f -> {
            String vpc = f.vpc("10.36.0.0/16");
            String subnet = f.subnet(vpc, "10.36.1.0/24", AZ);
            String acl = acl(vpc);
            String association = ec2().describeNetworkAcls(r -> r.filters(NetFixture.filter("association.subnet-id", subnet)))
                    .networkAcls().get(0).associations().stream().filter(a -> a.subnetId().equals(subnet)).findFirst().orElseThrow()
                    .networkAclAssociationId();
            return () -> ec2().replaceNetworkAclAssociation(r -> r.associationId(association).networkAclId(acl).dryRun(true));
        }));
    }

    private static String path(NetFixture f, String cidr) {
        String subnet = f.subnet(f.vpc(cidr + "/16"), cidr.replaceAll("\\.0\\.0$", ".1.0") + "/24", AZ);
        String a = eni(subnet);
        String b = eni(subnet);
        return ec2().createNetworkInsightsPath(r -> r.source(a).destination(b).protocol("tcp").destinationPort(443))
                .networkInsightsPath().networkInsightsPathId();
    }

    private static void insightsAndInstanceRows(List<Row> rows) {
        rows.add(new Row("CreateNetworkInsightsPath", f -> {
            String subnet = f.subnet(f.vpc("10.37.0.0/16"), "10.37.1.0/24", AZ);
            String a = eni(subnet);
            String b = eni(subnet);
            return () -> ec2().createNetworkInsightsPath(r -> r.source(a).destination(b).protocol("tcp").dryRun(true));
        }));
        rows.add(new Row("DeleteNetworkInsightsPath", f -> {
            String path = path(f, "10.38.0.0");
            return () -> ec2().deleteNetworkInsightsPath(r -> r.networkInsightsPathId(path).dryRun(true));
        }));
        rows.add(new Row("StartNetworkInsightsAnalysis", f -> {
            String path = path(f, "10.39.0.0");
            return () -> ec2().startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(path).dryRun(true));
        }));
        rows.add(new Row("DeleteNetworkInsightsAnalysis", f -> {
            String path = path(f, "10.40.0.0");
            String analysis = ec2().startNetworkInsightsAnalysis(r -> r.networkInsightsPathId(path)).networkInsightsAnalysis()
                    .networkInsightsAnalysisId();
            ecsnet.settle();
            return () -> ec2().deleteNetworkInsightsAnalysis(r -> r.networkInsightsAnalysisId(analysis).dryRun(true));
        }));
        rows.add(new Row("RunInstances", f -> {
            String image = ami();
            String subnet = f.subnet(f.vpc("10.41.0.0/16"), "10.41.1.0/24", AZ);
            return () -> ec2().runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(subnet).dryRun(true));
        }));
        rows.add(new Row("TerminateInstances", f -> {
            String image = ami();
            String subnet = f.subnet(f.vpc("10.42.0.0/16"), "10.42.1.0/24", AZ);
            String instance = ec2().runInstances(r -> r.imageId(image).instanceType("t3.micro").minCount(1).maxCount(1).subnetId(subnet))
                    .instances().get(0).instanceId();
            ecsnet.settle();
            return () -> ec2().terminateInstances(r -> r.instanceIds(instance).dryRun(true));
        }));
    }

    private static void launchTemplateRows(List<Row> rows) {
        rows.add(new Row("CreateLaunchTemplate", f -> () -> ec2().createLaunchTemplate(r -> r.launchTemplateName("dry")
                .launchTemplateData(d -> d.instanceType("t3.medium")).dryRun(true))));
        rows.add(new Row("CreateLaunchTemplateVersion", f -> {
            String lt = launchTemplate("dry-version");
            return () -> ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(lt).sourceVersion("1")
                    .launchTemplateData(d -> d.instanceType("c5.large")).dryRun(true));
        }));
        rows.add(new Row("ModifyLaunchTemplate", f -> {
            String lt = launchTemplate("dry-modify");
            ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(lt).launchTemplateData(d -> d.instanceType("c5.large")));
            return () -> ec2().modifyLaunchTemplate(r -> r.launchTemplateId(lt).defaultVersion("2").dryRun(true));
        }));
        rows.add(new Row("DeleteLaunchTemplate", f -> {
            String lt = launchTemplate("dry-delete");
            return () -> ec2().deleteLaunchTemplate(r -> r.launchTemplateId(lt).dryRun(true));
        }));
        rows.add(new Row("DeleteLaunchTemplateVersions", f -> {
            String lt = launchTemplate("dry-delete-versions");
            ec2().createLaunchTemplateVersion(r -> r.launchTemplateId(lt).launchTemplateData(d -> d.instanceType("c5.large")));
            return () -> ec2().deleteLaunchTemplateVersions(r -> r.launchTemplateId(lt).versions("2").dryRun(true));
        }));
    }

    private static String launchTemplate(String name) {
        return ec2().createLaunchTemplate(r -> r.launchTemplateName(name).launchTemplateData(d -> d.instanceType("t3.medium")))
                .launchTemplate().launchTemplateId();
    }

    /** Everything a client can see of the region, by resource type. */
    static Map<String, Object> picture() {
        Map<String, Object> p = new TreeMap<>();
        p.put("vpcs", ec2().describeVpcs().vpcs());
        p.put("subnets", ec2().describeSubnets().subnets());
        p.put("security groups", ec2().describeSecurityGroups().securityGroups());
        p.put("security group rules", ec2().describeSecurityGroupRules(r -> { }).securityGroupRules());
        p.put("network interfaces", ec2().describeNetworkInterfaces().networkInterfaces());
        p.put("route tables", ec2().describeRouteTables().routeTables());
        p.put("internet gateways", ec2().describeInternetGateways().internetGateways());
        p.put("addresses", ec2().describeAddresses().addresses());
        p.put("nat gateways", ec2().describeNatGateways().natGateways());
        p.put("vpc endpoints", ec2().describeVpcEndpoints().vpcEndpoints());
        p.put("network acls", ec2().describeNetworkAcls().networkAcls());
        p.put("tags", ec2().describeTags().tags());
        p.put("managed prefix lists", ec2().describeManagedPrefixLists(r -> { }).prefixLists());
        p.put("dhcp options", ec2().describeDhcpOptions(r -> { }).dhcpOptions());
        p.put("vpc peering connections", ec2().describeVpcPeeringConnections(r -> { }).vpcPeeringConnections());
        p.put("egress-only internet gateways", ec2().describeEgressOnlyInternetGateways().egressOnlyInternetGateways());
        p.put("subnet cidr reservations", ec2().describeSubnets().subnets().stream()
                .map(sn -> ec2().getSubnetCidrReservations(r -> r.subnetId(sn.subnetId())).toString()).toList());
        p.put("instances", ec2().describeInstances().reservations());
        p.put("network insights paths", ec2().describeNetworkInsightsPaths(r -> { }).networkInsightsPaths());
        p.put("network insights analyses", ec2().describeNetworkInsightsAnalyses(r -> { }).networkInsightsAnalyses());
        p.put("launch templates", ec2().describeLaunchTemplates().launchTemplates());
        p.put("launch template versions", ec2().describeLaunchTemplates().launchTemplates().stream().flatMap(t -> ec2()
                .describeLaunchTemplateVersions(r -> r.launchTemplateId(t.launchTemplateId())).launchTemplateVersions().stream()).toList());
        return p;
    }

    /** The id the next VPC gets: equal with and without a dry run before it, since a dry run draws no ids. */
    private static String nextVpcId() {
        String id = ec2().createVpc(r -> r.cidrBlock("10.250.0.0/16")).vpc().vpcId();
        ec2().deleteVpc(r -> r.vpcId(id));
        return id;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void dryRunAnswersDryRunOperationAndChangesNothing(Row row) {
        row.prepare().apply(new NetFixture(ec2()));
        String expectedNextId = nextVpcId();

        ecsnet.engine().reset();
        ThrowingCallable call = row.prepare().apply(new NetFixture(ec2()));
        Map<String, Object> before = picture();
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, call);
        assertThat(e).as(row.operation() + " with DryRun").isNotNull();
        assertThat(e.statusCode()).isEqualTo(412);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Request would have succeeded, but DryRun flag is set.");
        ecsnet.settle();
        assertThat(picture()).as("state after the dry run of " + row.operation()).isEqualTo(before);
        assertThat(nextVpcId()).as("the id stream after the dry run of " + row.operation()).isEqualTo(expectedNextId);
    }

    @Test
    void aDryRunThatWouldFailAnswersItsOwnError() {
        Map<String, Object> before = picture();
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class,
                () -> ec2().deleteVpc(r -> r.vpcId("vpc-0123456789abcdef0").dryRun(true)));
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound");
        Ec2Exception bad = catchThrowableOfType(Ec2Exception.class, () -> ec2().createVpc(r -> r.cidrBlock("10.0.0.0/8").dryRun(true)));
        assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("InvalidVpc.Range");
        String vpc = ec2().describeVpcs().vpcs().get(0).vpcId();
        String sg = ec2().describeSecurityGroups(r -> r.filters(NetFixture.filter("vpc-id", vpc))).securityGroups().get(0).groupId();
        Ec2Exception duplicate = catchThrowableOfType(Ec2Exception.class, () -> ec2().authorizeSecurityGroupEgress(r -> r.groupId(sg)
                .ipPermissions(IpPermission.builder().ipProtocol("-1").ipRanges(x -> x.cidrIp("0.0.0.0/0")).build()).dryRun(true)));
        assertThat(duplicate.awsErrorDetails().errorCode()).isEqualTo("InvalidPermission.Duplicate");
        Ec2Exception image = catchThrowableOfType(Ec2Exception.class, () -> ec2().runInstances(r -> r.imageId("ami-00000000000000000")
                .minCount(1).maxCount(1).dryRun(true)));
        assertThat(image.awsErrorDetails().errorCode()).isEqualTo("InvalidAMIID.NotFound");
        assertThat(picture()).isEqualTo(before);
    }

    @Test
    void aDescribeWithDryRunAnswersDryRunOperation() {
        Ec2Exception e = catchThrowableOfType(Ec2Exception.class, () -> ec2().describeVpcs(r -> r.dryRun(true)));
        assertThat(e.statusCode()).isEqualTo(412);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DryRunOperation");
    }

    @Test
    void everyMutatingOperationHasARow() {
        Set<String> mutating = new TreeSet<>();
        for (String op : new Ec2Handler().operations().names()) {
            if (!op.startsWith("Describe") && !op.startsWith("Get") && !READS.contains(op) && !WITHOUT_DRY_RUN.contains(op)) {
                mutating.add(op);
            }
        }
        Set<String> covered = new TreeSet<>(rows().map(Row::operation).toList());
        assertThat(covered).as("mutating EC2 operations with a DryRun row").containsExactlyInAnyOrderElementsOf(mutating);
    }
}
