package dev.ecsnet.domain.net;

/**
 * One IPv6 CIDR block of a VPC: a /56 from Amazon's pool ({@code ipv6Pool} {@code Amazon}), advertised from one
 * network border group (the region).
 */
public record VpcIpv6CidrBlock(String associationId, Ipv6Cidr cidr, CidrBlockState state, String networkBorderGroup, String ipv6Pool)
        implements VpcCidrAssociation {

    @Override
    public String block() {
        return cidr.toString();
    }

    @Override
    public VpcIpv6CidrBlock withState(CidrBlockState next) {
        return new VpcIpv6CidrBlock(associationId, cidr, next, networkBorderGroup, ipv6Pool);
    }
}
