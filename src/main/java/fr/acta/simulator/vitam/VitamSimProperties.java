package fr.acta.simulator.vitam;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code acta.simulators.vitam.*}.
 *
 * @param enabled          see {@link VitamSimEnabled}
 * @param processingDelay  how long an ingest stays {@code RUNNING} before it is {@code COMPLETED}
 * @param ingestContracts  the ingest contracts ({@code ArchivalAgreement}) the simulated platform knows
 * @param accessContracts  the access contracts it knows ({@code X-Access-Contract-Id})
 * @param maxSipSize       the largest SIP accepted, and the most its ZIP may expand to
 */
@ConfigurationProperties(prefix = "acta.simulators.vitam")
public record VitamSimProperties(String enabled, Duration processingDelay, List<String> ingestContracts,
                                 List<String> accessContracts, DataSize maxSipSize) {

    public VitamSimProperties {
        processingDelay = processingDelay == null || processingDelay.isNegative() ? Duration.ofSeconds(2)
                : processingDelay;
        ingestContracts = ingestContracts == null || ingestContracts.isEmpty() ? List.of("IC-000001")
                : List.copyOf(ingestContracts);
        accessContracts = accessContracts == null || accessContracts.isEmpty() ? List.of("AC-000001")
                : List.copyOf(accessContracts);
        maxSipSize = maxSipSize == null ? DataSize.ofMegabytes(200) : maxSipSize;
    }
}
