/// Structural checks of a procedure, collected rather than thrown, so an
/// author sees every problem at once.
extension Procedure {
  /// Environment variables a command may read without declaring them.
  public static let standardEnvironment: Set<String> = [
    "HOME", "PATH", "USER", "LOGNAME", "PWD", "OLDPWD", "TMPDIR", "SHELL", "LANG", "TERM",
    "HOSTNAME", "KUBECONFIG", "IFS", "RANDOM", "SECONDS", "LINENO", "BASH_SOURCE", "EDITOR",
  ]

  public func validate() -> [Diagnostic] {
    var found: [Diagnostic] = []
    func report(_ severity: Diagnostic.Severity, _ rule: String, _ step: String?, _ message: String)
    {
      found.append(Diagnostic(severity, rule: rule, procedure: reference, step: step, message))
    }

    if !Self.isKebabCase(id) {
      report(.error, "invalid-id", nil, "procedure id '\(id)' must be kebab-case, e.g. 'cml'")
    }
    if phases.isEmpty { report(.error, "empty-procedure", nil, "the procedure has no phases") }

    var parameterNames: Set<String> = []
    for parameter in parameters {
      if !parameterNames.insert(parameter.name).inserted {
        report(.error, "duplicate-parameter", nil, "parameter \(parameter.name) is declared twice")
      }
      if let value = parameter.defaultValue {
        for name in Template(value).references
        where !Self.standardEnvironment.contains(name) && self.parameter(named: name) == nil {
          report(
            .error, "unknown-parameter", nil,
            "default of \(parameter.name) references ${\(name)}, which is neither a parameter nor a standard variable"
          )
        }
      }
      if parameter.isSecret,
        let other = parameters.first(where: { $0.flag == parameter.flag + "-file" })
      {
        report(
          .error, "duplicate-flag", nil,
          "parameter \(other.name)'s flag \(other.flag) is the one the secret \(parameter.name) is read from a file with; rename one"
        )
      }
      if !Self.isParameterName(parameter.name) {
        report(
          .error, "invalid-parameter", nil,
          "parameter '\(parameter.name)' must be UPPER_SNAKE_CASE and not a standard variable")
      }
      if parameter.isRequired && parameter.defaultValue != nil {
        report(
          .warning, "required-with-default", nil,
          "parameter \(parameter.name) is required but has a default; drop one of the two")
      }
      for phase in parameter.phases where !phases.contains(where: { $0.id == phase }) {
        report(
          .error, "unknown-phase", nil,
          "parameter \(parameter.name) names phase '\(phase)', which does not exist")
      }
      if parameter.kind == .yesNo, let value = parameter.defaultValue,
        value != "yes" && value != "no"
      {
        report(.error, "invalid-default", nil, "default of \(parameter.name) must be yes or no")
      }
      if parameter.kind == .integer, let value = parameter.defaultValue,
        value.isEmpty || !value.allSatisfy({ $0.isASCII && $0.isNumber })
      {
        report(.error, "invalid-default", nil, "default of \(parameter.name) is not a whole number")
      }
      for problem in ruleProblems(of: parameter) {
        report(.error, "invalid-parameter-rule", nil, problem)
      }
    }

    if let folder = stateDirectory {
      for name in Template(folder).references
      where parameter(named: name) == nil && !Self.standardEnvironment.contains(name) {
        report(
          .error, "unknown-parameter", nil,
          "the state directory references ${\(name)}, which is neither a parameter nor a standard variable"
        )
      }
    }

    for phase in phases {
      var closed: Set<String> = []
      var previous: String? = nil
      for step in phase.steps {
        if let group = step.concurrentGroup, group != previous, closed.contains(group) {
          report(
            .error, "concurrent-group", step.id,
            "concurrent group '\(group)' is split by other steps; its steps must be consecutive")
        }
        if let previous, previous != step.concurrentGroup { closed.insert(previous) }
        previous = step.concurrentGroup
      }
    }

    var phaseIds: Set<String> = []
    var stepIds: Set<String> = []
    for phase in phases {
      var assignedBefore: [String: String] = [:]
      if !phaseIds.insert(phase.id).inserted {
        report(.error, "duplicate-phase", nil, "phase id '\(phase.id)' is used twice")
      }
      if !Self.isKebabCase(phase.id) {
        report(.error, "invalid-id", nil, "phase id '\(phase.id)' must be kebab-case")
      }
      if phase.steps.isEmpty {
        report(.error, "empty-phase", nil, "phase '\(phase.id)' has no steps")
      }
      for problem in prerequisiteProblems(of: phase, after: phaseIds) {
        report(.error, "invalid-phase-prerequisite", nil, problem)
      }
      for check in phase.preflight {
        checkReferences(in: [check.command], assigned: [], step: nil, report: report)
        if case .equalsParameter(let name) = check.expectation, parameter(named: name) == nil {
          report(
            .error, "unknown-parameter", nil,
            "preflight check '\(check.description)' compares with \(name), which is not a declared parameter"
          )
        }
        if case .versionAtLeast(let version) = check.expectation,
          !Expectation.isVersionNumber(version)
        {
          report(
            .error, "invalid-version", nil,
            "preflight check '\(check.description)' wants version '\(version)', which is not numbers separated by dots, such as 1.9.1"
          )
        }
      }
      for step in phase.steps {
        if !stepIds.insert(step.id).inserted {
          report(
            .error, "duplicate-step-id", step.id,
            "step id '\(step.id)' is used more than once; step ids must be unique")
        }
        if !Self.isKebabCase(step.id) {
          report(.error, "invalid-id", step.id, "step id '\(step.id)' must be kebab-case")
        }
        if step.actions.isEmpty {
          report(
            .error, "empty-step", step.id,
            "the step has no actions; give it a command or a manual instruction")
        }
        var assigned: Set<String> = []
        for action in step.actions {
          let texts = action.shellTexts
          for text in texts { assigned.formUnion(ShellText(text).assigns) }
          checkReferences(
            in: texts, assigned: assigned, earlier: assignedBefore, step: step.id, report: report)
          validate(action, step: step.id, report: report)
        }
        for name in assigned where assignedBefore[name] == nil { assignedBefore[name] = step.id }
        if let cleanup = step.cleanup {
          checkReferences(in: [cleanup.command], assigned: [], step: step.id, report: report)
          if let until = cleanup.until {
            let later = phase.steps.drop { $0.id != step.id }.dropFirst().map(\.id)
            if !later.contains(until) {
              report(
                .error, "invalid-cleanup", step.id,
                "the cleanup lasts until step '\(until)', which is not a later step of phase '\(phase.id)'"
              )
            }
          }
        }
        for name in Template(step.destroys ?? "").references where parameter(named: name) == nil {
          report(
            .error, "unknown-parameter", step.id,
            "what the step destroys references ${\(name)}, which is not a declared parameter")
        }
        if let flag = step.enabledBy {
          if let parameter = parameter(named: flag) {
            if parameter.kind != .yesNo {
              report(
                .error, "unreachable-step", step.id,
                "the step is enabled by \(flag), which is not a yes/no parameter; declare it with kind: .yesNo"
              )
            }
          } else {
            report(
              .error, "unreachable-step", step.id,
              "the optional step is enabled by \(flag), which is not a declared parameter, so it can never run"
            )
          }
        }
        if step.concurrentGroup != nil {
          let asks =
            step.isDestructive || step.actions.contains { $0.kind == .manual || $0.kind == .choose }
          if asks {
            report(
              .error, "concurrent-prompt", step.id,
              "a step that runs concurrently cannot ask the operator anything (destructive, manual or choice); take it out of its group"
            )
          }
        }
        if let retry = step.retry, retry.attempts < 1 || retry.delaySeconds < 0 {
          report(
            .error, "invalid-retry", step.id,
            "a retry needs at least 1 attempt and a delay of 0 seconds or more")
        }
      }
    }
    return found + textDiagnostics()
  }

  private func validate(
    _ action: Action, step: String,
    report: (Diagnostic.Severity, String, String?, String) -> Void
  ) {
    switch action {
    case .wait(let wait):
      if wait.intervalSeconds < 1 {
        report(.error, "invalid-wait", step, "wait interval must be at least 1 second")
      }
      if Int(wait.timeoutSeconds) == nil {
        let references = Template(wait.timeoutSeconds).references
        let isOneReference =
          references.count == 1 && wait.timeoutSeconds == "${\(references[0])}"
        if !isOneReference || parameter(named: references[0])?.kind != .integer {
          report(
            .error, "invalid-wait", step,
            "wait timeout '\(wait.timeoutSeconds)' must be whole seconds or an integer parameter such as ${WAIT_TIMEOUT}"
          )
        }
      }
    case .writeFile(let file):
      for name in Template(file.path).references + Template(file.content).references
      where parameter(named: name) == nil {
        report(
          .error, "unknown-parameter", step,
          "file content references ${\(name)}, which is not a declared parameter")
      }
    case .check(let check):
      if case .equalsParameter(let name) = check.expectation, parameter(named: name) == nil {
        report(
          .error, "unknown-parameter", step,
          "the check compares with \(name), which is not a declared parameter")
      }
      if case .versionAtLeast(let version) = check.expectation,
        !Expectation.isVersionNumber(version)
      {
        report(
          .error, "invalid-version", step,
          "the check wants version '\(version)', which is not numbers separated by dots, such as 1.9.1"
        )
      }
    case .choose(let choice):
      if parameter(named: choice.parameter) == nil {
        report(
          .error, "unknown-parameter", step,
          "the choice stores into \(choice.parameter), which is not a declared parameter")
      } else if parameter(named: choice.parameter)?.isSecret == true {
        report(
          .error, "secret-choice", step,
          "the choice stores into the secret \(choice.parameter), but a choice prints its candidates and the one chosen; make it not secret, or ask for it as a secret parameter"
        )
      }
    default:
      break
    }
  }

  private func checkReferences(
    in texts: [String], assigned: Set<String>, earlier: [String: String] = [:], step: String?,
    report: (Diagnostic.Severity, String, String?, String) -> Void
  ) {
    for text in texts {
      for name in ShellText(text).reads {
        if parameter(named: name) != nil || assigned.contains(name)
          || Self.standardEnvironment.contains(name)
        {
          continue
        }
        if let setter = earlier[name] {
          report(
            .warning, "variable-from-earlier-step", step,
            "reads $\(name), set by step \(setter); a run resumed after that step will not have it, so set it in this step (or save it to a file)"
          )
          continue
        }
        if Self.isParameterName(name) {
          report(
            .error, "unknown-parameter", step,
            "references ${\(name)}, which is not a declared parameter; declare it or fix the name")
        } else {
          report(
            .error, "undefined-variable", step,
            "reads $\(name), which nothing in the step assigns; assign it before use or fix the name"
          )
        }
      }
    }
  }

  public static func isKebabCase(_ text: String) -> Bool {
    guard let first = text.first, first.isLowercase || first.isNumber else { return false }
    return text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
      && !text.hasSuffix("-") && !text.contains("--")
  }

  static func isParameterName(_ text: String) -> Bool {
    guard let first = text.first, first.isUppercase, first.isASCII else { return false }
    return text.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || $0 == "_") }
      && !standardEnvironment.contains(text)
  }
}
