package org.reportplatform.intake.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A narrative report as posted and the facts read from it; never changed once stored. */
@Entity
@Table(name = "extraction")
public class Extraction extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "text", nullable = false, columnDefinition = "text")
    public String text;

    /** The ExtractionResult as JSON: read back as a whole, never queried inside. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result", nullable = false)
    public String result;
}
