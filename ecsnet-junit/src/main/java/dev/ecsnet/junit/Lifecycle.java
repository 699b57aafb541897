package dev.ecsnet.junit;

/** Which tests share an account (and so see each other's resources) on one {@link EcsnetExtension}'s server. */
public enum Lifecycle {
    /**
     * Each test method gets a fresh account of its own, through its own 12-digit access key: it starts with only
     * the defaults (a default VPC per region), sees nothing of the other tests, and may run in parallel with them.
     */
    PER_METHOD,
    /**
     * The test class has one account for all its methods: what one method creates, the next one sees (for
     * ordered scenario steps, or a network built once in {@code @BeforeAll}).
     */
    PER_CLASS
}
