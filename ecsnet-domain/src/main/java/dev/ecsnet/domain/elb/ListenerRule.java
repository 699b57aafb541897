package dev.ecsnet.domain.elb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A non-default rule of a listener: priority 1-50000, conditions and actions. */
public final class ListenerRule {
    private final String arn;
    private final String listenerArn;
    private int priority;
    private List<RuleCondition> conditions;
    private List<ListenerAction> actions;
    private final Map<String, String> tags = new LinkedHashMap<>();

    ListenerRule(String arn, String listenerArn, int priority, List<RuleCondition> conditions, List<ListenerAction> actions) {
        this.arn = arn;
        this.listenerArn = listenerArn;
        this.priority = priority;
        this.conditions = List.copyOf(conditions);
        this.actions = List.copyOf(actions);
    }

    public String arn() {
        return arn;
    }

    public String listenerArn() {
        return listenerArn;
    }

    public int priority() {
        return priority;
    }

    void setPriority(int value) {
        priority = value;
    }

    public List<RuleCondition> conditions() {
        return conditions;
    }

    void setConditions(List<RuleCondition> value) {
        conditions = List.copyOf(value);
    }

    public List<ListenerAction> actions() {
        return actions;
    }

    void setActions(List<ListenerAction> value) {
        actions = List.copyOf(value);
    }

    public Map<String, String> tags() {
        return tags;
    }
}
