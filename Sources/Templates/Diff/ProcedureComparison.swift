import Model

/// The changes to what the whole procedure declares: the tools its
/// commands run, the accesses it needs, its limitations, corrections,
/// omissions and admonitions, its title, summary, source and state folder.
/// Reworded limitations and accesses (most words kept) are one change.
enum ProcedureComparison {
  static func changes(_ old: Procedure, _ new: Procedure) -> [ProcedureChange] {
    var changes: [ProcedureChange] = Pairing.bySet(old.derivedTools, new.derivedTools).map {
      .tool(old: $0.old, new: $0.new)
    }
    changes += Pairing.byWords(old.requirements.accesses, new.requirements.accesses).map {
      .access(old: $0.old, new: $0.new)
    }
    if old.stateDirectory != new.stateDirectory {
      changes.append(.stateDirectory(old: old.stateDirectory, new: new.stateDirectory))
    }
    changes += Pairing.byWords(old.limitations, new.limitations).map {
      .limitation(old: $0.old, new: $0.new)
    }
    changes += Pairing.bySet(old.admonitions, new.admonitions).map {
      .admonition(place: .procedure, old: $0.old, new: $0.new)
    }
    changes += Pairing.byKey(old.corrections, new.corrections, key: \.title).map {
      .correction(old: $0.old, new: $0.new)
    }
    changes += Pairing.bySet(old.omissions, new.omissions).map {
      .omission(old: $0.old, new: $0.new)
    }
    if old.title != new.title {
      changes.append(.title(place: .procedure, old: old.title, new: new.title))
    }
    if old.summary != new.summary {
      changes.append(.explanation(place: .procedure, old: old.summary, new: new.summary))
    }
    if old.source != new.source { changes.append(.source(old: old.source, new: new.source)) }
    return changes
  }
}
