package dev.envplane.local.vault;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server speaking HashiCorp Vault's HTTP API (KV v2, ACL policies, tokens, AppRole, health and seal)
 * on 127.0.0.1, like {@code vault server -dev}: for tests and local development, never for production.
 * All threads are daemons so an embedding JVM (Maven's exec:java) can exit around it.
 */
public final class VaultServer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(VaultServer.class.getName());

    private final Object lock = new Object();
    private final VaultState state;
    private final SealState seal;
    private final EncryptedFileStore store;
    private final HttpServer http;
    private final ExecutorService executor;
    private byte[] lastSaved;
    private boolean closed;

    private VaultServer(VaultServerConfig config, VaultState state, EncryptedFileStore store) {
        this.state = state;
        this.store = store;
        Clock clock = config.clock();
        TokenStore tokens = new TokenStore(state.tokens, clock);
        if (state.unsealKey == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            state.unsealKey = Base64.getEncoder().encodeToString(key);
        }
        ensureRootToken(config, tokens);
        PolicyStore policies = new PolicyStore(state.policies);
        MountTable mounts = new MountTable(state, tokens, clock);
        mounts.enableKv(config.kvMount());
        if (state.approleMounts.isEmpty()) {
            mounts.enableAppRole(MountTable.DEFAULT_APPROLE_MOUNT);
        }
        this.seal = new SealState(state.unsealKey);
        ResponseWrapping wrapping = new ResponseWrapping(state.wrapped, clock);
        VaultRouter router = new VaultRouter(seal,
                new SystemEndpoints(state, seal, policies, mounts, clock, store != null),
                new TokenEndpoints(tokens), mounts, tokens, policies, wrapping);
        saveIfChanged();
        this.executor = Executors.newCachedThreadPool(daemonThreads("vault-http-"));
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}),
                    config.port()), 0);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + config.port(), e);
        }
        http.createContext("/", new VaultHttpHandler(router, lock, this::saveIfChanged));
        http.setExecutor(executor);
        startOnDaemonThread();
        LOG.log(System.Logger.Level.INFO, "Vault-compatible server listening on {0}", url());
    }

    public static VaultServer start(VaultServerConfig config) {
        Objects.requireNonNull(config, "config");
        EncryptedFileStore store = config.dataDirectory() == null ? null : EncryptedFileStore.open(config.dataDirectory());
        VaultState state = store == null ? new VaultState() : store.read().map(VaultServer::parseState).orElseGet(VaultState::new);
        return new VaultServer(config, state, store);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public String rootToken() {
        synchronized (lock) {
            return state.rootToken;
        }
    }

    /** Base64, as {@code vault server -dev} prints it; sys/unseal accepts it as is. */
    public String unsealKey() {
        return state.unsealKey;
    }

    public void seal() {
        seal.seal();
    }

    public void unseal() {
        seal.unseal();
    }

    public boolean isSealed() {
        return seal.isSealed();
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            saveIfChanged();
        }
        http.stop(0);
        executor.shutdownNow();
    }

    /** The configured root token wins; otherwise the persisted one; otherwise a new one. */
    private void ensureRootToken(VaultServerConfig config, TokenStore tokens) {
        String wanted = config.rootToken() != null ? config.rootToken()
                : state.rootToken != null ? state.rootToken : TokenStore.newTokenId();
        if (state.rootToken != null && !state.rootToken.equals(wanted)) {
            tokens.revoke(state.rootToken);
        }
        if (tokens.find(wanted).filter(TokenEntry::isRoot).isEmpty()) {
            tokens.revoke(wanted);
            tokens.createRoot(wanted);
        }
        state.rootToken = wanted;
    }

    /**
     * Persists after every request, but only when the serialized state differs from what was saved: this
     * catches every mutation (including a token's used-up num_uses) without tracking them one by one.
     */
    private void saveIfChanged() {
        if (store == null) {
            return;
        }
        byte[] serialized;
        try {
            serialized = Json.MAPPER.writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the Vault state", e);
        }
        if (!Arrays.equals(serialized, lastSaved)) {
            store.write(serialized);
            lastSaved = serialized;
        }
    }

    private static VaultState parseState(byte[] bytes) {
        try {
            return Json.MAPPER.readValue(bytes, VaultState.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot parse the decrypted Vault state", e);
        }
    }

    /**
     * HttpServer's dispatcher thread inherits the daemon flag of the thread calling start(), so start it
     * from a daemon thread; otherwise it would keep an embedding JVM alive.
     */
    private void startOnDaemonThread() {
        Thread starter = new Thread(http::start, "vault-http-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the Vault server", e);
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
