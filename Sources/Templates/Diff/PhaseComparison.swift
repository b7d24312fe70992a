import Model

/// The changes to the phases: added, removed, their order, where they run,
/// their preflight checks, context pins and prerequisites, and their
/// titles, summaries and sections (matched by title, with their
/// explanations and admonitions).
enum PhaseComparison {
  static func changes(_ old: [Phase], _ new: [Phase]) -> [ProcedureChange] {
    let oldIDs = old.map(\.id)
    let newIDs = new.map(\.id)
    var changes: [ProcedureChange] = []
    for phase in new where !oldIDs.contains(phase.id) {
      changes.append(.phaseAdded(phase: reference(phase)))
    }
    for phase in old where !newIDs.contains(phase.id) {
      changes.append(.phaseRemoved(phase: reference(phase)))
    }
    let commonOld = oldIDs.filter(newIDs.contains)
    let commonNew = newIDs.filter(oldIDs.contains)
    if commonOld != commonNew { changes.append(.phaseOrder(old: commonOld, new: commonNew)) }
    for phase in new {
      guard let before = old.first(where: { $0.id == phase.id }) else { continue }
      changes += self.changes(before, phase)
    }
    return changes
  }

  static func changes(_ old: Phase, _ new: Phase) -> [ProcedureChange] {
    let id = new.id
    var changes: [ProcedureChange] = []
    if old.runsOn != new.runsOn {
      changes.append(.runsOn(phase: id, old: old.runsOn, new: new.runsOn))
    }
    changes += Pairing.byKey(old.preflight, new.preflight, key: \.description).map {
      .check(place: .phase(id: id), old: $0.old, new: $0.new)
    }
    changes += Pairing.byKey(old.pins, new.pins, key: \.tool).map {
      .pin(phase: id, old: $0.old, new: $0.new)
    }
    changes += Pairing.byKey(old.requires, new.requires, key: \.phase).map {
      .prerequisite(phase: id, old: $0.old, new: $0.new)
    }
    if old.title != new.title {
      changes.append(.title(place: .phase(id: id), old: old.title, new: new.title))
    }
    if old.summary != new.summary {
      changes.append(.explanation(place: .phase(id: id), old: old.summary, new: new.summary))
    }
    let oldTitles = old.sections.map(\.title)
    let newTitles = new.sections.map(\.title)
    changes += Pairing.bySet(oldTitles, newTitles).map {
      .section(phase: id, old: $0.old, new: $0.new)
    }
    for section in new.sections {
      guard let before = old.sections.first(where: { $0.title == section.title }) else { continue }
      let place = ChangePlace.section(phase: id, title: section.title)
      if before.explanation != section.explanation {
        changes.append(
          .explanation(place: place, old: before.explanation, new: section.explanation))
      }
      changes += Pairing.bySet(before.admonitions, section.admonitions).map {
        .admonition(place: place, old: $0.old, new: $0.new)
      }
    }
    return changes
  }

  static func reference(_ phase: Phase) -> PhaseReference {
    PhaseReference(id: phase.id, title: phase.title, runsOn: phase.runsOn)
  }
}
