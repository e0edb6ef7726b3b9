package io.openlearn.broker;

import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Connection factories for the platform's broker, set up one way for publishers and consumers alike. */
public final class RabbitConnections {

    static final int CONNECT_TIMEOUT_MILLIS = 5_000;

    private RabbitConnections() {
    }

    /** Automatic recovery on: a broker restart costs a reconnect, not a service restart. */
    public static ConnectionFactory factory(RabbitConnectionConfig config, long recoveryIntervalMillis) {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setVirtualHost(config.virtualHost());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(recoveryIntervalMillis);
        if (config.tls().enabled()) {
            factory.useSslProtocol(sslContext(config.tls()));
            // the certificate must name the host we dialled, as the connector checks it (HTTPS)
            factory.enableHostnameVerification();
        }
        return factory;
    }

    private static SSLContext sslContext(RabbitConnectionConfig.Tls tls) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (tls.trustStorePath().isPresent()) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(Path.of(tls.trustStorePath().get()))) {
                    store.load(in, tls.trustStorePassword().map(String::toCharArray).orElse(null));
                }
                trust.init(store);
            } else {
                trust.init((KeyStore) null);
            }
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("openlearn.rabbitmq.tls: cannot load the trust store "
                    + tls.trustStorePath().orElse("(JVM default)") + ": " + e.getMessage(), e);
        }
    }
}
