package dev.ecsnet.domain.autoscaling;

/** The status codes of a scaling activity ecsnet produces, with their wire names. */
public enum ActivityStatus {
    PRE_IN_SERVICE("PreInService"), IN_PROGRESS("InProgress"), SUCCESSFUL("Successful"), FAILED("Failed"), CANCELLED("Cancelled");

    private final String wireName;

    ActivityStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean inProgress() {
        return this == PRE_IN_SERVICE || this == IN_PROGRESS;
    }
}
