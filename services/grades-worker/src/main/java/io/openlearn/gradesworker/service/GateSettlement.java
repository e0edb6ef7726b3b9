package io.openlearn.gradesworker.service;

import io.openlearn.events.GradeGateChanged;
import io.openlearn.grades.domain.GateRule;
import io.openlearn.grades.repository.Cause;
import io.openlearn.grades.repository.GateRepository.GateKey;
import io.openlearn.grades.repository.GateRepository.StoredGate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one regrade changes in its learners' gates: a row and a {@code grade.gate.changed} for each gate fulfilled
 * now and not before, a delete and an event for each one fulfilled before and not now. Comparing with the stored rows
 * makes a repeat harmless, as for grades: a redelivered event finds nothing to change and announces nothing.
 */
final class GateSettlement {

    final List<StoredGate> fulfilled = new ArrayList<>();
    final List<GateKey> lost = new ArrayList<>();
    final List<GradeGateChanged> events = new ArrayList<>();

    void settle(String courseKey, UUID learner, List<GateRule.Standing> standings, Map<String, StoredGate> stored,
            long contentVersion, Cause cause, Instant now) {
        Set<String> current = new HashSet<>();
        for (GateRule.Standing standing : standings) {
            current.add(standing.gate());
            boolean before = stored.containsKey(standing.gate());
            if (standing.fulfilled() == before) {
                continue;
            }
            if (standing.fulfilled()) {
                fulfilled.add(new StoredGate(learner, standing.gate(), standing.kind(), standing.requires(),
                        standing.percent(), standing.completion(), contentVersion, cause, now));
            } else {
                lost.add(new GateKey(learner, standing.gate()));
            }
            events.add(new GradeGateChanged(courseKey, learner, standing.kind().label(), standing.gate(),
                    standing.requires(), standing.fulfilled(), standing.percent(), standing.completion(),
                    contentVersion, cause.kind(), cause.ref(), now));
        }
        // rows of gates this learner no longer has (removed by a publish, or outside their groups now) go quietly:
        // nothing reads them, and a gate added back is decided afresh
        stored.keySet().stream().filter(gate -> !current.contains(gate))
                .forEach(gate -> lost.add(new GateKey(learner, gate)));
    }
}
