package dev.ecsnet.engine;

import dev.ecsnet.domain.iam.SecretSource;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

/**
 * Secret access keys from {@link SecureRandom}: 30 random bytes, 40 base64 characters, like AWS's. They are not
 * drawn from the seed (a secret must not be guessable from it), so each command's draws are kept for its journal
 * record, and a replay hands the recorded ones back in order.
 */
final class RandomSecrets implements SecretSource {
    private SecureRandom random;
    private final List<String> drawn = new ArrayList<>();
    private final Deque<String> replaying = new ArrayDeque<>();

    @Override
    public String newSecretAccessKey() {
        if (!replaying.isEmpty()) {
            String s = replaying.poll();
            drawn.add(s);
            return s;
        }
        if (random == null) {
            // created on first use: seeding costs start-up time that most runs never need
            random = new SecureRandom();
        }
        byte[] bytes = new byte[30];
        random.nextBytes(bytes);
        String s = Base64.getEncoder().encodeToString(bytes);
        drawn.add(s);
        return s;
    }

    /** Starts a step: forgets earlier draws, and (on replay) queues the ones the step drew when it first ran. */
    void beginStep(List<String> recorded) {
        drawn.clear();
        replaying.clear();
        replaying.addAll(recorded);
    }

    /** The secrets drawn since the step began. */
    List<String> drawn() {
        return List.copyOf(drawn);
    }
}
