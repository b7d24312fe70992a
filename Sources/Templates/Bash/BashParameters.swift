import Model

extension BashTranslator {
  /// Each parameter starts from its environment variable:
  /// `NAMESPACE=${NAMESPACE-}`; flags override it, defaults fill it in.
  mutating func addParameters() {
    guard !procedure.parameters.isEmpty else { return }
    nodes.append(.comment("Parameters: from the environment first, then flags, then defaults."))
    for parameter in procedure.parameters {
      nodes.append(.assignment(name: parameter.name, value: .code("${\(parameter.name)-}")))
    }
    nodes.append(.blank)
  }

  /// `parse_arguments`: the options of ``ScriptOptions``, parameter flags
  /// (`--namespace mlx` or `--namespace=mlx`) and phase names.
  mutating func addArgumentParsing() {
    nodes.append(
      .comment("\(Contract.needValue) OPTION ARGS...: the option must be followed by a value."))
    nodes.append(
      .function(
        name: Contract.needValue,
        body: [
          .statement([
            .code("(($# >= 2)) ||"), .code(Contract.usageError),
            .interpolated([.text("option "), .expansion("$1"), .text(" needs a value")]),
          ])
        ]))
    nodes.append(.blank)
    var arms: [ScriptNode] = []
    for option in ScriptOptions.all(for: procedure) {
      let pattern = option.names.joined(separator: " | ")
      switch option.effect {
      case .help:
        arms.insert(
          .caseArm(
            pattern: pattern,
            body: [.statement([.code(Contract.showHelp)]), .statement([.code("exit 0")])]),
          at: 0)
      case .flag(let variables):
        let sets = variables.map { "\($0)=1" }.joined(separator: " ")
        arms.append(.statement([.code("\(pattern)) \(sets) ;;")]))
      case .value(let variable):
        let selection = option.selectsSteps ? " \(ScriptOptionNames.selectionGiven)=1" : ""
        arms += valueArms(pattern, variable: variable, extra: selection)
      }
    }
    for parameter in procedure.parameters {
      arms += valueArms(parameter.flag, variable: parameter.name, extra: "")
    }
    arms.append(
      .statement([
        .code("-*)"), .code(Contract.usageError),
        .interpolated([.text("unknown option '"), .expansion("$1"), .text("'")]), .code(";;"),
      ]))
    arms.append(
      .caseArm(
        pattern: "*",
        body: [
          .statement([
            .code("\(Contract.isPhase) \"$1\" ||"), .code(Contract.usageError),
            .interpolated([
              .text("unknown phase '"), .expansion("$1"), .text("'; the phases are: "),
              .expansion("${\(Contract.phaseIDs)[*]}"),
            ]),
          ]),
          .statement([.code("\(Contract.selectedPhases)+=(\"$1\")")]),
        ]))
    nodes.append(
      .function(
        name: Contract.parseArguments,
        body: [
          .block(
            opening: [.code("while (($# > 0)); do")],
            body: [
              .block(opening: [.code("case $1 in")], body: arms, closing: "esac"),
              .statement([.code("shift")]),
            ], closing: "done")
        ]))
    nodes.append(.blank)
  }

  /// `--from)` taking the next argument, and `--from=*)` the rest of this one.
  private func valueArms(_ flag: String, variable: String, extra: String) -> [ScriptNode] {
    [
      .caseArm(
        pattern: flag,
        body: [
          .statement([.code(Contract.needValue), .code("\"$@\"")]),
          .statement([.code("\(variable)=$2\(extra)")]),
          .statement([.code("shift")]),
        ]),
      .statement([.code("\(flag)=*) \(variable)=${1#*=}\(extra) ;;")]),
    ]
  }

  /// `apply_defaults` and `check_parameters`: defaults for empty values,
  /// then required, integer and choice checks for the parameters of the
  /// selected phases. A secret's value is never part of a message.
  mutating func addParameterChecks() {
    let defaulted = procedure.parameters.filter { $0.defaultValue != nil || $0.kind == .yesNo }
    nodes.append(
      .function(
        name: Contract.applyDefaults,
        body: defaulted.map { parameter in
          .statement([
            .code("[[ -n ${\(parameter.name)} ]] ||"),
            .assignment(parameter.name, .template(Template(parameter.defaultValue ?? "no"))),
          ])
        }))
    nodes.append(.blank)
    var checks: [ScriptNode] = [.statement([.code(":")])]
    for parameter in procedure.parameters {
      let found = parameterChecks(parameter)
      guard !found.isEmpty else { continue }
      checks += whenSelected(parameter.phases, found)
    }
    nodes.append(.function(name: Contract.checkParameters, body: checks))
    nodes.append(.blank)
    nodes.append(
      .comment("\(Contract.showParameters): the values this run uses; secrets show as ***."))
    var shown: [ScriptNode] = [.statement([.code(":")])]
    for parameter in procedure.parameters {
      let value: ShellWord = .interpolated(
        [.text("  \(parameter.name)=")]
          + (parameter.isSecret ? [.text("***")] : [.variable(parameter.name)]))
      let say = "\(Contract.say) \(BashRenderer.spell(value))"
      shown.append(
        .statement([
          .code(
            parameter.phases.isEmpty
              ? say : "if \(phaseCondition(parameter.phases)); then \(say); fi")
        ]))
    }
    nodes.append(.function(name: Contract.showParameters, body: shown))
    nodes.append(.blank)
  }

  /// `phase_selected export || phase_selected import`.
  func phaseCondition(_ phases: [String]) -> String {
    phases.map { "\(Contract.phaseSelected) \(BashRenderer.spell(.bare($0)))" }
      .joined(separator: " || ")
  }

  /// `body` as it is when `phases` is empty (every phase), else inside
  /// `if phase_selected ...; then ... fi`.
  func whenSelected(_ phases: [String], _ body: [ScriptNode]) -> [ScriptNode] {
    guard !phases.isEmpty else { return body }
    return [
      .block(opening: [.code("if \(phaseCondition(phases)); then")], body: body, closing: "fi")
    ]
  }

  /// The required, whole-number, yes/no, rule and choice checks of one
  /// parameter (a file rule is a preflight check: see `addPreflight`).
  private func parameterChecks(_ parameter: Parameter) -> [ScriptNode] {
    let name = parameter.name
    let flag = parameter.flag
    let shown: [InterpolatedPart] =
      parameter.isSecret ? [] : [.text(" '"), .variable(name), .text("'")]
    var checks: [ScriptNode] = []
    func fail(_ message: String, _ test: String) -> ScriptNode {
      .statement([
        .code("\(test) ||"), .code(Contract.usageError), .interpolated([.text(message)] + shown),
      ])
    }
    if parameter.isRequired {
      checks.append(
        .statement([
          .code("[[ -n ${\(name)} ]] ||"), .code(Contract.usageError),
          .interpolated([
            .text("missing required parameter \(name): give \(flag) VALUE or set \(name)")
          ]),
        ]))
    }
    if parameter.kind == .integer {
      checks.append(fail("\(flag) must be a whole number, not", "[[ ${\(name)} =~ ^[0-9]+$ ]]"))
    }
    if parameter.kind == .yesNo {
      checks.append(
        fail("\(flag) must be yes or no, not", "[[ ${\(name)} == yes || ${\(name)} == no ]]"))
    }
    for rule in parameter.rules {
      switch rule {
      case .differsFrom(let other):
        let both: [InterpolatedPart] =
          parameter.isSecret || procedure.parameter(named: other)?.isSecret == true
          ? [] : [.text(", and both are '"), .variable(name), .text("'")]
        checks.append(
          .statement([
            .code("[[ -z ${\(name)} || ${\(name)} != \"${\(other)}\" ]] ||"),
            .code(Contract.usageError),
            .interpolated([.text("\(flag) must differ from \(Parameter.flag(for: other))")] + both),
          ]))
      case .requiredWhen(let other, let value):
        checks.append(
          .statement([
            .code(
              "[[ ${\(other)} != \(BashRenderer.spell(.literal(value))) || -n ${\(name)} ]] ||"),
            .code(Contract.usageError),
            .interpolated([
              .text(
                "missing parameter \(name), required when \(other) is \(value): give \(flag) VALUE or set \(name)"
              )
            ]),
          ]))
      case .existingFile: break
      }
    }
    if !parameter.choices.isEmpty {
      let pattern = parameter.choices.map { BashRenderer.spell(.literal($0)) }
        .joined(separator: " | ")
      checks.append(
        .block(
          opening: [.code("case ${\(name)} in")],
          body: [
            .statement([.code("\(pattern)) ;;")]),
            .statement([
              .code("*)"), .code(Contract.usageError),
              .interpolated(
                [.text("\(flag) must be one of \(parameter.choices.joined(separator: ", ")), not")]
                  + shown), .code(";;"),
            ]),
          ], closing: "esac"))
    }
    return checks
  }
}
