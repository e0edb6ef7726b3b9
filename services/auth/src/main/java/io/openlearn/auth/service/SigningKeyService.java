package io.openlearn.auth.service;

import io.openlearn.auth.config.AuthConfig;
import io.openlearn.auth.domain.KeySealer;
import io.openlearn.auth.domain.RsaJwk;
import io.openlearn.auth.repository.SigningKeyEntity;
import io.openlearn.auth.repository.SigningKeyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Owns the keyring: makes sure exactly one key signs (whatever the number of replicas starting at once), keeps its
 * private half sealed at rest, and publishes every key whose tokens may still circulate.
 */
@ApplicationScoped
public class SigningKeyService {

    private static final Logger LOG = Logger.getLogger(SigningKeyService.class);

    private final SigningKeyRepository keys;
    private final KeySealer sealer;
    private volatile ActiveKey active;
    private volatile List<RsaJwk> published = List.of();

    public SigningKeyService(SigningKeyRepository keys, AuthConfig config) {
        this.keys = keys;
        this.sealer = new KeySealer(config.keys().encryptionKey());
    }

    void onStart(@Observes StartupEvent event) {
        QuarkusTransaction.requiringNew().run(this::loadOrCreateKeyring);
    }

    public ActiveKey activeKey() {
        return active;
    }

    public List<RsaJwk> publishedKeys() {
        return published;
    }

    private void loadOrCreateKeyring() {
        keys.lockKeyring();
        SigningKeyEntity current = keys.findActive().orElseGet(this::createActiveKey);
        active = new ActiveKey(current.kid, openPrivateKey(current));
        published = keys.listPublished().stream()
                .map(k -> new RsaJwk(k.kid, k.publicModulus, k.publicExponent))
                .toList();
        LOG.infof("Signing with key %s; %d key(s) published", active.kid(), published.size());
    }

    private SigningKeyEntity createActiveKey() {
        KeyPair pair = RsaJwk.generateKeyPair();
        SigningKeyEntity entity = new SigningKeyEntity();
        entity.kid = UUID.randomUUID().toString();
        RsaJwk jwk = RsaJwk.of(entity.kid, (RSAPublicKey) pair.getPublic());
        entity.algorithm = RsaJwk.ALGORITHM;
        entity.publicModulus = jwk.modulus();
        entity.publicExponent = jwk.exponent();
        entity.privateKeySealed = sealer.seal(pair.getPrivate().getEncoded(), entity.kid);
        entity.status = SigningKeyEntity.ACTIVE;
        entity.createdAt = Instant.now();
        keys.persistAndFlush(entity);
        LOG.infof("Created signing key %s", entity.kid);
        return entity;
    }

    private PrivateKey openPrivateKey(SigningKeyEntity entity) {
        try {
            byte[] pkcs8;
            try {
                pkcs8 = sealer.open(entity.privateKeySealed, entity.kid);
            } catch (IllegalStateException e) {
                throw new IllegalStateException("Signing key " + entity.kid + " cannot be opened with the configured"
                        + " auth.keys.encryption-key (AUTH_KEYS_ENCRYPTION_KEY): restore the key that sealed it", e);
            }
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + entity.kid + " unreadable", e);
        }
    }
}
