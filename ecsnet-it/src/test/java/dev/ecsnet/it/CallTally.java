package dev.ecsnet.it;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the concurrency tests' SDK calls answered: each outcome ({@code "RunTask ok"}, {@code "StopTask 400
 * InvalidParameterException"}) counted, every 5xx other than throttling kept, and a permit per completed call for
 * the thread that moves the clock.
 */
final class CallTally {
    private static final Set<String> THROTTLING = Set.of("RequestLimitExceeded", "ThrottlingException", "Throttling");

    final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    final List<String> serverErrors = new CopyOnWriteArrayList<>();
    final Semaphore completed = new Semaphore(0);

    void call(String operation, Runnable call) {
        String outcome;
        try {
            call.run();
            outcome = operation + " ok";
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? "?" : e.awsErrorDetails().errorCode();
            outcome = operation + " " + e.statusCode() + " " + code;
            if (e.statusCode() >= 500 && !THROTTLING.contains(code)) {
                serverErrors.add(outcome + ": " + e.getMessage());
            }
        }
        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
        completed.release();
    }

    int calls() {
        return outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
