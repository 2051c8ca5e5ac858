package fr.acta.sae;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings under {@code acta.sae.*} (the schedules, {@code poll}, {@code seal-interval} and
 * {@code audit-cron}, are read by the scheduled methods themselves).
 *
 * @param locations      the storage locations by name, at least two (independent disks in production);
 *                       unset: {@code store-a} and {@code store-b} under {@code ${acta.home}/sae}
 * @param identifier     the archive's identifier in replies when a transfer names no {@code ArchivalAgency}
 * @param maxAttempts    attempts at a transfer that fails for an internal reason before it is refused
 * @param retryDelay     the wait after the first failed attempt, doubled after each one
 * @param maxMessageSize the largest {@code seda_message} (the manifest) accepted
 * @param maxTransferSize the most bytes the objects of one transfer may add up to once unpacked
 *                       (a compressed archive that would grow past it is refused, not unpacked)
 * @param rules          durations of the rules referential's identifiers that do not carry their own
 *                       (identifier → ISO-8601 period, e.g. {@code APP-00001: P10Y})
 */
@ConfigurationProperties(prefix = "acta.sae")
record SaeProperties(Map<String, Path> locations, String identifier, Integer maxAttempts, Duration retryDelay,
                     DataSize maxMessageSize, DataSize maxTransferSize,
                     Map<String, String> rules) {

    SaeProperties {
        locations = locations == null ? Map.of() : new LinkedHashMap<>(locations);
        identifier = identifier == null || identifier.isBlank() ? "ACTA-SAE" : identifier.strip();
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 5 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(5) : retryDelay;
        maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(20) : maxMessageSize;
        maxTransferSize = maxTransferSize == null ? DataSize.ofGigabytes(10) : maxTransferSize;
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }
}
