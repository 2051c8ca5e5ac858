package fr.acta.sae;

import fr.acta.signature.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies a collectivité's event log from its first entry: positions without gaps, each entry
 * recording the hash of the one before, each hash recomputed from the entry's content. An edited
 * entry breaks the chain at that entry. Then each seal: the entry it covers still carries the
 * sealed hash, and the timestamp token is valid and over that hash; so a log rewritten after a
 * seal (every hash recomputed) is caught by the seal.
 */
@Component
class LogVerifier {

    private static final int MAX_REPORTED = 100;

    /** A fault of the chain or of a seal. */
    record Fault(long position, String reason) {
    }

    /** What the verification found. */
    record Result(long entries, boolean intact, List<Fault> breaks, int seals, int validSeals, List<Fault> invalidSeals,
                  Long lastSealPosition, Instant lastSealTime, long unsealedEntries) {
    }

    private final EventLog events;
    private final LogSeals seals;
    private final Timestamps timestamps;
    private final TransactionTemplate readOnly;

    LogVerifier(EventLog events, LogSeals seals, Timestamps timestamps, TransactionTemplate tx) {
        this.events = events;
        this.seals = seals;
        this.timestamps = timestamps;
        this.readOnly = new TransactionTemplate(tx.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    Result verify(UUID tenantId) {
        List<Fault> breaks = new ArrayList<>();
        Map<Long, String> storedHashes = new HashMap<>();
        List<LogSeals.Seal> all = seals.all(tenantId);
        all.forEach(s -> storedHashes.put(s.position(), null));
        long[] state = {0, 0};
        String[] previous = {EventLog.GENESIS};
        readOnly.executeWithoutResult(status -> events.forEach(tenantId, e -> {
            long expected = state[0] + 1;
            state[0] = e.position();
            state[1]++;
            if (e.position() != expected) {
                fault(breaks, e.position(), "entrée(s) manquante(s) entre les positions " + (expected - 1) + " et "
                        + e.position());
            }
            if (!e.previousHash().equals(previous[0])) {
                fault(breaks, e.position(), "l'empreinte de l'entrée précédente ne correspond pas (chaînage rompu)");
            }
            if (!e.expectedHash().equals(e.hash())) {
                fault(breaks, e.position(), "le contenu de l'entrée ne correspond pas à son empreinte (entrée modifiée)");
            }
            if (storedHashes.containsKey(e.position())) {
                storedHashes.put(e.position(), e.hash());
            }
            previous[0] = e.hash();
        }));
        long firstBreak = breaks.isEmpty() ? Long.MAX_VALUE : breaks.get(0).position();
        List<Fault> invalid = new ArrayList<>();
        int valid = 0;
        for (LogSeals.Seal s : all) {
            String stored = storedHashes.get(s.position());
            String why = null;
            if (stored == null) {
                why = "l'entrée scellée n'existe plus";
            } else if (!stored.equals(s.entryHash())) {
                why = "l'entrée scellée ne porte plus l'empreinte horodatée (journal réécrit)";
            } else {
                Timestamps.Check check = timestamps.check(s.token(), HexFormat.of().parseHex(s.entryHash()));
                if (!check.valid()) {
                    why = "jeton d'horodatage invalide : " + check.detail();
                } else if (s.position() >= firstBreak) {
                    why = "le scellement couvre une chaîne rompue à la position " + firstBreak;
                }
            }
            if (why == null) {
                valid++;
            } else {
                fault(invalid, s.position(), why);
            }
        }
        LogSeals.Seal last = all.isEmpty() ? null : all.get(all.size() - 1);
        return new Result(state[1], breaks.isEmpty(), List.copyOf(breaks), all.size(), valid, List.copyOf(invalid),
                last == null ? null : last.position(), last == null ? null : last.time(),
                state[0] - (last == null ? 0 : last.position()));
    }

    private static void fault(List<Fault> faults, long position, String reason) {
        if (faults.size() < MAX_REPORTED) {
            faults.add(new Fault(position, reason));
        }
    }
}
