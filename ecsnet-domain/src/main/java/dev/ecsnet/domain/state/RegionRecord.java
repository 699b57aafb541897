package dev.ecsnet.domain.state;

import dev.ecsnet.domain.analysis.NetworkInsightsRecord;
import dev.ecsnet.domain.appautoscaling.ApplicationAutoScalingRecord;
import dev.ecsnet.domain.autoscaling.AutoScalingRecord;
import dev.ecsnet.domain.discovery.CloudMapRecord;
import dev.ecsnet.domain.ec2.InstancesRecord;
import dev.ecsnet.domain.ec2.LaunchTemplatesRecord;
import dev.ecsnet.domain.ecs.EcsRecord;
import dev.ecsnet.domain.ecs.EcsServicesRecord;
import dev.ecsnet.domain.elb.ElbRecord;
import dev.ecsnet.domain.logs.LogsRecord;
import dev.ecsnet.domain.net.NetworkRecord;
import dev.ecsnet.domain.ssm.ParameterStoreRecord;

/**
 * One account's state in one region as plain data: every aggregate's record and where the region's shared id
 * stream stands ({@code IdSource.streamState()}). See docs/design-state.md, "Snapshot records".
 */
public record RegionRecord(String accountId, String region, long idStream, NetworkRecord network,
                           InstancesRecord instances, LaunchTemplatesRecord launchTemplates, AutoScalingRecord autoScaling,
                           LogsRecord logs, ParameterStoreRecord parameters, CloudMapRecord cloudMap, ElbRecord elb,
                           EcsRecord ecs, EcsServicesRecord ecsServices, NetworkInsightsRecord insights,
                           ApplicationAutoScalingRecord applicationAutoScaling) {
}
