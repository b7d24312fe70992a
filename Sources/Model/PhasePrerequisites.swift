extension Procedure {
  /// Whether any phase requires another, so the script keeps phase records.
  public var hasPhasePrerequisites: Bool { phases.contains { !$0.requires.isEmpty } }

  /// The phases some phase requires: those whose completion is recorded.
  public var recordedPhases: [Phase] {
    let required = Set(phases.flatMap { $0.requires.map(\.phase) })
    return phases.filter { required.contains($0.id) }
  }

  /// Where the record of phase `id`'s completion is kept, beside the state
  /// file's default: `${WORK_DIR}/pachyderm.new-cluster.done`.
  public func phaseRecord(_ id: String) -> String { "\(stateFolder)/\(self.id).\(id).done" }

  /// The non-secret parameters phase `id` uses, in declaration order: what
  /// its record keeps.
  public func recordedParameters(of id: String) -> [Parameter] {
    parameters.filter { !$0.isSecret && ($0.phases.isEmpty || $0.phases.contains(id)) }
  }

  /// `id` and every phase that requires it, directly or through others: the
  /// records that running `id` again makes stale.
  public func phaseAndDependents(_ id: String) -> [String] {
    var found = [id]
    var index = 0
    while index < found.count {
      for phase in phases
      where phase.requires.contains(where: { $0.phase == found[index] })
        && !found.contains(phase.id)
      {
        found.append(phase.id)
      }
      index += 1
    }
    return phases.map(\.id).filter(found.contains)
  }
}

extension Procedure {
  /// What is wrong with the prerequisites of `phase`, given the ids of the
  /// phases before it (and itself): a phase that does not come before it,
  /// or a same-value parameter that is not a non-secret parameter of both.
  func prerequisiteProblems(of phase: Phase, after earlier: Set<String>) -> [String] {
    var problems: [String] = []
    for prerequisite in phase.requires {
      let required = prerequisite.phase
      guard earlier.contains(required), required != phase.id else {
        problems.append(
          phases.contains { $0.id == required }
            ? "phase '\(phase.id)' requires phase '\(required)', which does not come before it"
            : "phase '\(phase.id)' requires phase '\(required)', which does not exist")
        continue
      }
      for name in prerequisite.sameValues {
        let usedByBoth =
          recordedParameters(of: phase.id).contains { $0.name == name }
          && recordedParameters(of: required).contains { $0.name == name }
        if !usedByBoth {
          problems.append(
            "phase '\(phase.id)' requires the same \(name) as phase '\(required)', but \(name) is not a non-secret parameter of both"
          )
        }
      }
    }
    return problems
  }
}
