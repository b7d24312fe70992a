import Model

/// The changes to the parameters, matched by name: added, removed, and each
/// field of those in both (default, required, secret, kind, choices,
/// meaning, phases, rules).
enum ParameterComparison {
  static func changes(_ old: [Parameter], _ new: [Parameter]) -> [ProcedureChange] {
    let oldNames = Set(old.map(\.name))
    let newNames = Set(new.map(\.name))
    var changes: [ProcedureChange] = new.filter { !oldNames.contains($0.name) }.map {
      .parameterAdded(parameter: $0)
    }
    changes += old.filter { !newNames.contains($0.name) }.map { .parameterRemoved(parameter: $0) }
    for parameter in new {
      guard let before = old.first(where: { $0.name == parameter.name }) else { continue }
      changes += self.changes(before, parameter)
    }
    return changes
  }

  static func changes(_ old: Parameter, _ new: Parameter) -> [ProcedureChange] {
    let name = new.name
    var changes: [ProcedureChange] = []
    if old.isSecret != new.isSecret {
      changes.append(.parameterSecret(name: name, old: old.isSecret, new: new.isSecret))
    }
    if old.defaultValue != new.defaultValue {
      changes.append(.parameterDefault(name: name, old: old.defaultValue, new: new.defaultValue))
    }
    if old.isRequired != new.isRequired {
      changes.append(.parameterRequired(name: name, old: old.isRequired, new: new.isRequired))
    }
    if old.kind != new.kind {
      changes.append(.parameterKind(name: name, old: old.kind, new: new.kind))
    }
    if old.choices != new.choices {
      changes.append(.parameterChoices(name: name, old: old.choices, new: new.choices))
    }
    if old.phases != new.phases {
      changes.append(.parameterPhases(name: name, old: old.phases, new: new.phases))
    }
    if old.rules != new.rules {
      changes.append(.parameterRules(name: name, old: old.rules, new: new.rules))
    }
    if old.meaning != new.meaning {
      changes.append(.parameterMeaning(name: name, old: old.meaning, new: new.meaning))
    }
    return changes
  }
}
