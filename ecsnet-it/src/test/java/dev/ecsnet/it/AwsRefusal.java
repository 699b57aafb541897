package dev.ecsnet.it;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts that a call to any service is refused with an AWS-shaped 400 and leaves the observed state as it was. */
final class AwsRefusal {
    private AwsRefusal() {
    }

    /** The call fails with {@code code} and exactly {@code message} (null: any message). */
    static AwsServiceException refused(ThrowingCallable call, String code, String message) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, call);
        assertThat(e).as("expected %s", code).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        if (message != null) {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        }
        assertThat(e.statusCode()).isEqualTo(400);
        return e;
    }

    /** As {@link #refused}, and {@code state} reads the same before and after. */
    static <T> void refusedWithoutChange(Supplier<T> state, ThrowingCallable call, String code, String message) {
        T before = state.get();
        refused(call, code, message);
        assertThat(state.get()).as("state after the refused %s", code).isEqualTo(before);
    }
}
