import Model

/// Structure beyond the model's own validation: a destructive step must say
/// why it destroys what it does, so the operator asked to type `yes` knows.
enum StructureRules {
  static func check(_ procedure: Procedure) -> [Diagnostic] {
    procedure.orderedSteps.compactMap { entry in
      guard entry.step.isDestructive, entry.step.explanation.isEmpty else { return nil }
      return Diagnostic(
        .warning, rule: "unexplained-destruction", procedure: procedure.reference,
        step: entry.step.id,
        "the step destroys \(entry.step.destroys ?? "something") but has no explanation; say why in explanation:"
      )
    }
  }
}
