package dev.ecsnet.it;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Asserts that an ECS (or other JSON service) call is refused with an AWS-shaped 400 and leaves state as it was. */
final class EcsRefusal {
    private EcsRefusal() {
    }

    /** The call fails with {@code code} and exactly {@code message} (null: any message); returns the exception. */
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

    /** As {@link #refused(ThrowingCallable, String, String)}, and {@code state} reads the same before and after. */
    static <T> AwsServiceException refusedWithoutChange(Supplier<T> state, ThrowingCallable call, String code, String message) {
        T before = state.get();
        AwsServiceException e = refused(call, code, message);
        assertThat(state.get()).as("state after the refused %s", code).isEqualTo(before);
        return e;
    }
}
