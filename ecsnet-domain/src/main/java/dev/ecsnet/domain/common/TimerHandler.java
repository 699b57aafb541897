package dev.ecsnet.domain.common;

/**
 * What a timer of one kind does when it falls due. It looks its resource up by {@code key} and acts only if the
 * resource is still in the state the timer expected, so a stale timer (its resource deleted, or moved on) does nothing.
 */
@FunctionalInterface
public interface TimerHandler {
    void fire(String key, String args);
}
