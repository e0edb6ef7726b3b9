package io.openlearn.auth.repository;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "platform_user")
public class PlatformUserEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "idp_issuer")
    public String idpIssuer;
    @Column(name = "idp_subject")
    public String idpSubject;
    public String username;
    public String email;
    @Column(name = "full_name")
    public String fullName;
    public boolean service;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
}
