package io.openlearn.auth.service;

import io.openlearn.auth.config.AuthConfig;
import io.openlearn.auth.domain.KeySealer;
import io.openlearn.auth.domain.RotationSchedule;
import io.openlearn.auth.domain.RsaJwk;
import io.openlearn.auth.repository.SigningKeyEntity;
import io.openlearn.auth.repository.SigningKeyRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
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
 * Owns the keyring. Every replica runs the same steps under one database lock, so all agree on which key signs:
 * publish a successor ahead of time, hand over when it is due, keep retired keys published while their tokens live,
 * then destroy them. Between steps each replica signs with the key the database calls active.
 */
@ApplicationScoped
public class SigningKeyService {

    private static final Logger LOG = Logger.getLogger(SigningKeyService.class);

    private final SigningKeyRepository keys;
    private final KeySealer sealer;
    private final RotationSchedule schedule;
    private volatile ActiveKey active;
    private volatile List<RsaJwk> published = List.of();

    public SigningKeyService(SigningKeyRepository keys, AuthConfig config) {
        this.keys = keys;
        this.sealer = new KeySealer(config.keys().encryptionKey());
        this.schedule = new RotationSchedule(config.keys().rotationInterval(), config.keys().publishAhead(),
                config.tokenLifetime(), config.keys().clockSkew());
    }

    void onStart(@Observes StartupEvent event) {
        advance(Instant.now());
    }

    @Scheduled(every = "${auth.keys.check-interval}", delayed = "${auth.keys.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        advance(Instant.now());
    }

    public ActiveKey activeKey() {
        return active;
    }

    public List<RsaJwk> publishedKeys() {
        return published;
    }

    /** Takes every rotation step due at {@code now} and reloads what this replica signs with and publishes. */
    public void advance(Instant now) {
        QuarkusTransaction.requiringNew().run(() -> {
            keys.lockKeyring();
            SigningKeyEntity current = keys.findActive().orElseGet(() -> createKey(SigningKeyEntity.ACTIVE, now, now));
            var pending = keys.findPending();
            if (pending.isPresent() && !now.isBefore(pending.get().activatesAt)) {
                current = handOver(current, pending.get(), now);
            } else if (pending.isEmpty() && schedule.successorDue(current.activatedAt, now)) {
                createKey(SigningKeyEntity.PENDING, now, schedule.successorActivatesAt(now));
            }
            long destroyed = keys.deleteExpired(now);
            if (destroyed > 0) {
                LOG.infof("Destroyed %d retired signing key(s) no token can need any more", destroyed);
            }
            load(current, now);
        });
    }

    /** Publishes a successor now (admin request); it signs once the publish-ahead time has passed. */
    public SigningKeyEntity requestRotation(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            keys.lockKeyring();
            SigningKeyEntity pending = keys.findPending()
                    .orElseGet(() -> createKey(SigningKeyEntity.PENDING, now, schedule.successorActivatesAt(now)));
            load(keys.findActive().orElseThrow(), now);
            return pending;
        });
    }

    public List<SigningKeyEntity> describeKeys() {
        return QuarkusTransaction.requiringNew().call(keys::listAll);
    }

    private SigningKeyEntity handOver(SigningKeyEntity current, SigningKeyEntity successor, Instant now) {
        current.status = SigningKeyEntity.RETIRED;
        current.retiredAt = now;
        current.publishedUntil = schedule.retiredKeyPublishedUntil(now);
        keys.flush();
        successor.status = SigningKeyEntity.ACTIVE;
        successor.activatedAt = now;
        keys.flush();
        LOG.infof("Signing key %s took over from %s, which stays published until %s", successor.kid, current.kid,
                current.publishedUntil);
        return successor;
    }

    private void load(SigningKeyEntity current, Instant now) {
        if (active == null || !active.kid().equals(current.kid)) {
            active = new ActiveKey(current.kid, openPrivateKey(current));
            LOG.infof("Signing with key %s", current.kid);
        }
        published = keys.listPublished(now).stream()
                .map(k -> new RsaJwk(k.kid, k.publicModulus, k.publicExponent))
                .toList();
    }

    private SigningKeyEntity createKey(String status, Instant now, Instant activatesAt) {
        KeyPair pair = RsaJwk.generateKeyPair();
        SigningKeyEntity entity = new SigningKeyEntity();
        entity.kid = UUID.randomUUID().toString();
        RsaJwk jwk = RsaJwk.of(entity.kid, (RSAPublicKey) pair.getPublic());
        entity.algorithm = RsaJwk.ALGORITHM;
        entity.publicModulus = jwk.modulus();
        entity.publicExponent = jwk.exponent();
        entity.privateKeySealed = sealer.seal(pair.getPrivate().getEncoded(), entity.kid);
        entity.status = status;
        entity.createdAt = now;
        entity.activatesAt = activatesAt;
        entity.activatedAt = SigningKeyEntity.ACTIVE.equals(status) ? now : null;
        keys.persistAndFlush(entity);
        LOG.infof("Created %s signing key %s (signs from %s)", status.toLowerCase(), entity.kid, activatesAt);
        return entity;
    }

    private PrivateKey openPrivateKey(SigningKeyEntity entity) {
        byte[] pkcs8;
        try {
            pkcs8 = sealer.open(entity.privateKeySealed, entity.kid);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Signing key " + entity.kid + " cannot be opened with the configured"
                    + " auth.keys.encryption-key (AUTH_KEYS_ENCRYPTION_KEY): restore the key that sealed it", e);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + entity.kid + " unreadable", e);
        }
    }
}
