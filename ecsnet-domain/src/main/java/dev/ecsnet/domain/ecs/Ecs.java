package dev.ecsnet.domain.ecs;

import dev.ecsnet.domain.common.AccountRegion;
import dev.ecsnet.domain.common.Clock;
import dev.ecsnet.domain.common.IdSource;
import dev.ecsnet.domain.common.Scheduler;
import dev.ecsnet.domain.common.TimingProfile;
import dev.ecsnet.domain.net.Network;

/** ECS state of one account in one region. */
public final class Ecs {
    private final AccountRegion key;
    private final IdSource ids;
    private final Clock clock;
    private final Scheduler scheduler;
    private final TimingProfile timing;
    private final Network network;

    public Ecs(AccountRegion key, IdSource ids, Clock clock, Scheduler scheduler, TimingProfile timing, Network network) {
        this.key = key;
        this.ids = ids;
        this.clock = clock;
        this.scheduler = scheduler;
        this.timing = timing;
        this.network = network;
    }
}
