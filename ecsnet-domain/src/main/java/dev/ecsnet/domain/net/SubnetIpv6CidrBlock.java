package dev.ecsnet.domain.net;

/** The IPv6 CIDR block (a /64 of one of its VPC's IPv6 blocks) associated with a subnet. */
public record SubnetIpv6CidrBlock(String associationId, Ipv6Cidr cidr, CidrBlockState state) {

    public SubnetIpv6CidrBlock withState(CidrBlockState next) {
        return new SubnetIpv6CidrBlock(associationId, cidr, next);
    }
}
