package dev.ecsnet.domain.ec2;

/** EC2 instance states with their API codes, in lifecycle order. */
public enum InstanceState {
    PENDING("pending", 0), RUNNING("running", 16), SHUTTING_DOWN("shutting-down", 32), TERMINATED("terminated", 48);

    private final String wireName;
    private final int code;

    InstanceState(String wireName, int code) {
        this.wireName = wireName;
        this.code = code;
    }

    public String wireName() {
        return wireName;
    }

    public int code() {
        return code;
    }
}
