import Model

/// Context pins: every call of a pinned tool in a phase's steps must name
/// the phase's context (`kubectl --context "${KUBE_CONTEXT}"`), in their
/// commands, checks, waits and cleanups; a pin must name a declared
/// parameter the phase uses. The phase's preflight checks are left out:
/// they check the current context and the tool itself before anything acts.
enum PinRules {
  static func check(_ procedure: Procedure) -> [Diagnostic] {
    var found: [Diagnostic] = []
    for phase in procedure.phases {
      for pin in phase.pins {
        if let parameter = procedure.parameter(named: pin.parameter) {
          if !parameter.phases.isEmpty && !parameter.phases.contains(phase.id) {
            found.append(
              Diagnostic(
                .error, rule: "unpinned-context", procedure: procedure.reference, step: nil,
                "phase '\(phase.id)' pins \(pin.tool) to \(pin.parameter), which is not a parameter of that phase"
              ))
          }
        } else {
          found.append(
            Diagnostic(
              .error, rule: "unpinned-context", procedure: procedure.reference, step: nil,
              "phase '\(phase.id)' pins \(pin.tool) to \(pin.parameter), which is not a declared parameter"
            ))
        }
        for step in phase.steps {
          let texts = step.actions.flatMap(\.shellTexts) + (step.cleanup.map { [$0.command] } ?? [])
          if texts.contains(where: { unpinned(pin, in: $0) }) {
            found.append(diagnostic(procedure, pin, step: step.id, where: "the step"))
          }
        }
      }
    }
    return found
  }

  private static func unpinned(_ pin: ContextPin, in text: String) -> Bool {
    ShellText(text).invocations.contains { $0.program == pin.tool && !pin.isPinned($0) }
  }

  private static func diagnostic(
    _ procedure: Procedure, _ pin: ContextPin, step: String?, where place: String
  ) -> Diagnostic {
    Diagnostic(
      .error, rule: "unpinned-context", procedure: procedure.reference, step: step,
      "\(place) runs \(pin.tool) without \(pin.spelling): it would act on whatever context is current; pass it on every call"
    )
  }
}
