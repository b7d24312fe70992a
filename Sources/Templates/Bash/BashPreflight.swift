import Model

extension BashTranslator {
  /// `resolve_run_files`: the state file and the log default to the
  /// procedure's state folder, e.g. `${WORK_DIR}/cml.state`.
  mutating func addRunFiles() {
    let folder = procedure.stateFolder
    let names = ScriptOptionNames.self
    nodes.append(
      .function(
        name: Contract.resolveRunFiles,
        body: [
          .statement([
            .code("[[ -n ${\(names.stateFile)} ]] ||"),
            .assignment(names.stateFile, .template(Template("\(folder)/\(procedure.id).state"))),
          ]),
          .statement([
            .code("[[ -n ${\(names.logFile)} ]] ||"),
            .assignment(names.logFile, .template(Template("\(folder)/\(procedure.id).log"))),
          ]),
        ]))
    nodes.append(.blank)
  }

  /// `preflight_tools` and `preflight_checks`: the tools the run needs must
  /// be on PATH, then the phase's declared context checks must pass;
  /// otherwise exit 3. A selected phase needs the tools of its checks and of
  /// its steps' cleanups (a resumed run takes over a completed step's
  /// cleanup); a step's own tools are needed only when it runs: its phase
  /// is selected, its flag is yes, and --from, --to, --only and --skip keep it.
  mutating func addPreflight() {
    addRunFiles()
    var tools: [ScriptNode] = [
      .statement([
        .code(
          procedure.hasPhasePrerequisites
            ? "local -a tools=(\"${RUNTIME_TOOLS[@]}\" mv)"
            : "local -a tools=(\"${RUNTIME_TOOLS[@]}\")")
      ])
    ]
    func append(_ condition: String, _ names: Set<String>) {
      guard !names.isEmpty else { return }
      let words = names.sorted().map { tool -> String in
        BashRenderer.spell(tool.hasPrefix("${") ? .template(Template(tool)) : .literal(tool))
      }
      tools.append(
        .block(
          opening: [.code("if \(condition); then")],
          body: [.statement([.code("tools+=(\(words.joined(separator: " ")))")])],
          closing: "fi"))
    }
    var index = 0
    for phase in procedure.phases {
      let phaseTools = phase.steps.reduce(into: phase.preflightTools) {
        $0.formUnion($1.cleanupTools)
      }
      append(phaseCondition([phase.id]), phaseTools)
      for step in phase.steps {
        append("\(Contract.stepRuns) \(index)", step.actionTools.subtracting(phaseTools))
        index += 1
      }
    }
    tools.append(.statement([.code(Contract.requireTools), .code("\"${tools[@]}\"")]))
    nodes.append(.function(name: Contract.preflightTools, body: tools))
    nodes.append(.blank)
    var checks: [ScriptNode] = [
      .statement([.code(Contract.say), .interpolated([.text("  ok: required tools are on PATH")])])
    ]
    for phase in procedure.phases {
      for (index, check) in phase.preflight.enumerated() {
        let function = Contract.preflightFunction(phase: phase.id, index: index + 1)
        checks += whenSelected(
          [phase.id],
          [
            .statement([
              .code(Contract.preflightCheck), .literal(check.description), .code(function),
            ])
          ])
      }
    }
    for parameter in procedure.parameters where parameter.rules.contains(.existingFile) {
      let check: ScriptNode = .statement([
        .code(Contract.preflightCheck),
        .literal("\(parameter.name) names an existing, readable file"),
        .code(Contract.readableFile), .bare(parameter.name),
      ])
      checks += whenSelected(parameter.phases, [check])
    }
    nodes.append(.function(name: Contract.preflightChecks, body: checks))
    nodes.append(.blank)
    for phase in procedure.phases {
      for (index, check) in phase.preflight.enumerated() {
        addCheckFunction(Contract.preflightFunction(phase: phase.id, index: index + 1), check)
      }
    }
  }

  /// A function that runs the check's command and tests its output,
  /// returning non-zero (after saying why) when the expectation is not met.
  mutating func addCheckFunction(_ name: String, _ check: OutputCheck) {
    nodes.append(
      .function(
        name: name,
        body: [
          .statement([.code("local output")]),
          .statement([.code("output=$(")]),
          .userShell(check.command),
          .statement([.code(") || return 1")]),
          .statement(expectationTest(check)),
        ]))
    nodes.append(.blank)
  }

  func expectationTest(_ check: OutputCheck) -> [ShellWord] {
    let output = ShellWord.variable("output")
    let failure = ShellWord.literal(check.failure)
    switch check.expectation {
    case .empty: return [.code(Contract.expectEmpty), output, failure]
    case .nonEmpty: return [.code(Contract.expectNonEmpty), output, failure]
    case .equals(let text): return [.code(Contract.expectEqual), output, .literal(text), failure]
    case .equalsParameter(let name):
      let secret = procedure.parameter(named: name)?.isSecret == true
      return [
        .code(secret ? Contract.expectSecretEqual : Contract.expectEqual), output, .variable(name),
        failure,
      ]
    case .versionAtLeast(let version):
      return [.code(Contract.expectVersionAtLeast), output, .literal(version), failure]
    }
  }
}
