package io.openlearn.auth.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "signing_key")
public class SigningKeyEntity extends PanacheEntityBase {

    public static final String PENDING = "PENDING";
    public static final String ACTIVE = "ACTIVE";
    public static final String RETIRED = "RETIRED";

    @Id
    public String kid;
    public String algorithm;
    @Column(name = "public_modulus")
    public String publicModulus;
    @Column(name = "public_exponent")
    public String publicExponent;
    @Column(name = "private_key_sealed")
    public byte[] privateKeySealed;
    public String status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "retired_at")
    public Instant retiredAt;
    @Column(name = "activates_at")
    public Instant activatesAt;
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Column(name = "published_until")
    public Instant publishedUntil;
}
