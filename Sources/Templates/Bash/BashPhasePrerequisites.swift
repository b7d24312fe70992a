import Model

extension BashTranslator {
  /// `check_phase_prerequisites`, `forget_phase_records` and
  /// `record_completed_phases` for the selected phases, e.g.
  ///
  ///     if phase_selected retire; then
  ///       require_phase retire new-cluster "${HOME}/.gen-migration/pachyderm/pachyderm.new-cluster.done"
  ///     fi
  ///
  /// Each body is `:` alone when no phase requires another.
  mutating func addPhasePrerequisites() {
    var checks: [ScriptNode] = [.statement([.code(":")])]
    for phase in procedure.phases {
      for prerequisite in phase.requires {
        let words: [ShellWord] =
          [
            .code(Contract.requirePhase), .literal(phase.id), .literal(prerequisite.phase),
            .template(Template(procedure.phaseRecord(prerequisite.phase))),
          ] + prerequisite.sameValues.map { .bare($0) }
        checks += whenSelected([phase.id], [.statement(words)])
      }
    }
    nodes.append(.function(name: Contract.checkPhasePrerequisites, body: checks))
    nodes.append(.blank)
    let recorded = Set(procedure.recordedPhases.map(\.id))
    var forget: [ScriptNode] = [.statement([.code(":")])]
    for phase in procedure.phases {
      let stale = procedure.phaseAndDependents(phase.id).filter(recorded.contains)
      guard !stale.isEmpty else { continue }
      let words: [ShellWord] =
        [.code(Contract.forgetPhases)]
        + stale.map { .template(Template(procedure.phaseRecord($0))) }
      forget += whenSelected([phase.id], [.statement(words)])
    }
    nodes.append(.function(name: Contract.forgetPhaseRecords, body: forget))
    nodes.append(.blank)
    var records: [ScriptNode] = [.statement([.code(":")])]
    for phase in procedure.recordedPhases {
      let words: [ShellWord] =
        [
          .code(Contract.recordPhase), .literal(phase.id),
          .template(Template(procedure.phaseRecord(phase.id))),
        ] + procedure.recordedParameters(of: phase.id).map { .bare($0.name) }
      records += whenSelected([phase.id], [.statement(words)])
    }
    nodes.append(.function(name: Contract.recordCompletedPhases, body: records))
    nodes.append(.blank)
  }
}
