package dev.ecsnet.domain.common;

/**
 * Where the domain tells of outcomes a user would otherwise have to dig for (a task stopped for want of egress, a
 * subnet out of addresses). The domain never logs; the server prints these beside its request log.
 */
@FunctionalInterface
public interface Notices {
    Notices NONE = notice -> {
    };

    void notice(Notice notice);
}
