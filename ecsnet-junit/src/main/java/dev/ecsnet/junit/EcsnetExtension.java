package dev.ecsnet.junit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ecsnet in-process for JUnit 5 tests, on a free port of 127.0.0.1:
 * <pre>{@code
 * @RegisterExtension
 * static EcsnetExtension ECSNET = new EcsnetExtension();
 *
 * @Test
 * void runsATask(Ec2Client ec2, EcsClient ecs) { ... ECSNET.settle(); ... }
 * }</pre>
 * Registered on a static field, one server serves the whole class (and its {@code @Nested} classes) and stops after
 * it; on an instance field, each test gets a server of its own. By default ({@link Lifecycle#PER_METHOD}) each
 * test method gets a fresh account through its own 12-digit access key, so tests are isolated without a restart and
 * may run in parallel. {@link #accessKeyId()} and the other accessors answer for the test running on the calling
 * thread; a test that calls from threads of its own takes an {@link EcsnetAccount} parameter instead.
 *
 * <p>Test and lifecycle methods may take parameters of type {@link EcsnetAccount}, {@link Ecsnet}, and, when the
 * AWS SDK for Java v2 is on the test classpath, any SDK client interface with a static {@code builder()}
 * ({@code Ec2Client}, {@code EcsClient}, {@code StsClient}, async clients too): each comes configured for the
 * server's endpoint, the region and the test's account, and is closed after the test.
 */
public class EcsnetExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EcsnetExtension.class);
    private static final String ACCOUNT = "account";

    private final EcsnetOptions options;
    private final ThreadLocal<EcsnetAccount> current = new ThreadLocal<>();
    private final Map<String, EcsnetAccount> running = new ConcurrentHashMap<>();
    private volatile Ecsnet ecsnet;
    private volatile EcsnetAccount classAccount;

    public EcsnetExtension() {
        this(EcsnetOptions.defaults());
    }

    public EcsnetExtension(EcsnetOptions options) {
        this.options = options;
    }

    /** {@code new EcsnetExtension(EcsnetOptions.builder()...build())}, shorter. */
    public static EcsnetExtension with(EcsnetOptions.Builder options) {
        return new EcsnetExtension(options.build());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIn(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Ecsnet server = startIn(context);
        if (options.resetBeforeEachTest()) {
            server.reset();
        }
        EcsnetAccount account = options.lifecycle() == Lifecycle.PER_METHOD && options.accountId().isEmpty()
                && options.signingKeys().isEmpty() ? server.newAccount() : classAccount;
        context.getStore(NAMESPACE).put(ACCOUNT, account);
        running.put(context.getUniqueId(), account);
        current.set(account);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        running.remove(context.getUniqueId());
        current.remove();
    }

    /** Starts the server unless it runs; it stops when the scope that started it (class or test) ends. */
    private synchronized Ecsnet startIn(ExtensionContext context) {
        if (ecsnet == null) {
            Ecsnet started = Ecsnet.start(options);
            ecsnet = started;
            classAccount = options.accountId().isPresent() || !options.signingKeys().isEmpty()
                    ? started.defaultAccount() : started.newAccount();
            context.getStore(NAMESPACE).put(Ecsnet.class, (ExtensionContext.Store.CloseableResource) () -> stop(started));
        }
        return ecsnet;
    }

    private synchronized void stop(Ecsnet started) {
        if (ecsnet == started) {
            ecsnet = null;
            classAccount = null;
        }
        started.close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return parameter.getDeclaringExecutable() instanceof Method
                && (type == EcsnetAccount.class || type == Ecsnet.class || SdkClients.isClient(type));
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        Ecsnet server = server();
        EcsnetAccount account = accountOf(context);
        if (type == Ecsnet.class) {
            return server;
        }
        if (type == EcsnetAccount.class) {
            return account;
        }
        try {
            AutoCloseable client = SdkClients.build(type, server.endpoint(), server.region(), account);
            context.getStore(NAMESPACE).put(new Object(), (ExtensionContext.Store.CloseableResource) client::close);
            return client;
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private EcsnetAccount accountOf(ExtensionContext context) {
        EcsnetAccount account = context.getStore(NAMESPACE).get(ACCOUNT, EcsnetAccount.class);
        return account != null ? account : classAccount;
    }

    /** The running server (between the start of the class or test and its end). */
    public Ecsnet server() {
        Ecsnet s = ecsnet;
        if (s == null) {
            throw new IllegalStateException("ecsnet is not running: register the EcsnetExtension with @RegisterExtension and use it"
                    + " inside a test or a lifecycle method");
        }
        return s;
    }

    /**
     * The account of the test running on this thread: its own under {@link Lifecycle#PER_METHOD}, the class's
     * under {@link Lifecycle#PER_CLASS} and in {@code @BeforeAll} / {@code @AfterAll}.
     */
    public EcsnetAccount account() {
        EcsnetAccount mine = current.get();
        if (mine != null) {
            return mine;
        }
        if (running.isEmpty()) {
            server();
            return classAccount;
        }
        if (running.size() == 1) {
            return running.values().iterator().next();
        }
        throw new IllegalStateException(running.size() + " tests run at once and this thread is none of theirs, so which account"
                + " is meant is unknown; take an EcsnetAccount (or an SDK client) as a test method parameter instead");
    }

    public URI endpoint() {
        return server().endpoint();
    }

    public int port() {
        return server().port();
    }

    public String region() {
        return server().region();
    }

    public String accountId() {
        return account().accountId();
    }

    public String accessKeyId() {
        return account().accessKeyId();
    }

    public String secretAccessKey() {
        return account().secretAccessKey();
    }

    public Instant now() {
        return server().now();
    }

    /** See {@link Ecsnet#advance(Duration)}; the clock is the server's, shared by every account on it. */
    public void advance(Duration d) {
        server().advance(d);
    }

    /**
     * See {@link Ecsnet#settle()}: fails loudly, naming the steps left, when the clock cannot settle within the
     * options' limit. With a fresh account per test (the default), only this test's account's steps are waited for.
     */
    public void settle() {
        settle(options.settleLimit());
    }

    public void settle(Duration limit) {
        EcsnetAccount account = account();
        if (account.equals(classAccount) || options.lifecycle() != Lifecycle.PER_METHOD) {
            server().settle(limit);
        } else {
            server().settle(account, limit);
        }
    }

    public EcsnetOptions options() {
        return options;
    }
}
