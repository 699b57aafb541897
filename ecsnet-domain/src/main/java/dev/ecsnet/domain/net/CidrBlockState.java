package dev.ecsnet.domain.net;

import java.util.Locale;

/** The state of a VPC or subnet CIDR block association, in lifecycle order; the wire value is the lower-case name. */
public enum CidrBlockState {
    ASSOCIATING, ASSOCIATED, DISASSOCIATING, DISASSOCIATED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Associating or associated: the block counts against quotas and overlaps. */
    public boolean isHeld() {
        return this == ASSOCIATING || this == ASSOCIATED;
    }
}
