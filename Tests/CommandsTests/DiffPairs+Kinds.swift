import Model
import Templates

/// More change kinds on the same base: phases, parameters' scope, checks,
/// instructions, cleanups, optional and concurrent settings, prerequisites.
extension DiffPair {
  static let cleanup = Cleanup("kubectl --context \"${KUBE_CONTEXT}\" delete pod helper")
  static let stepCheck = OutputCheck(
    "the import left no error", command: "grep -c ERROR import.log || true",
    expect: .equals("0"), failure: "the import logged errors; read import.log")
  static let secondPhase = Phase(
    id: "verify", title: "Verify", runsOn: "a workstation", requires: [PhasePrerequisite("main")],
    sections: [Section(title: "Look", steps: [step("look", "Look at the app", ["true"])])])

  static let kinds: [DiffPair] = [
    DiffPair(
      name: "a parameter moved from every phase to one",
      old: base(), new: base("2.0") { $0.parameters[2].phases = ["main"] },
      expected: [.init(.behaviour, .parameterPhases(name: "WAIT_TIMEOUT", old: [], new: ["main"]))],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a phase that runs elsewhere",
      old: base(), new: base("2.0") { $0.phases[0].runsOn = "the bastion host" },
      expected: [
        .init(.behaviour, .runsOn(phase: "main", old: "a workstation", new: "the bastion host"))
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a prerequisite removed",
      old: base { $0.phases.append(secondPhase) },
      new: base("2.0") {
        var phase = secondPhase
        phase.requires = []
        $0.phases.append(phase)
      },
      expected: [
        .init(
          .safety, .prerequisite(phase: "verify", old: PhasePrerequisite("main"), new: nil),
          because: "a phase no longer waits for the one it required")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a step moved to another phase",
      old: base { $0.phases.append(secondPhase) },
      new: base("2.0") { procedure in
        var phase = secondPhase
        phase.sections[0].steps.insert(procedure.phases[0].sections[0].steps.removeLast(), at: 0)
        procedure.phases.append(phase)
      },
      expected: [
        .init(
          .behaviour,
          .stepMoved(
            step: StepReference(id: "wait-ready", phase: "verify", title: "Wait for the app"),
            oldPhase: "main", after: nil))
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a check removed from a step",
      old: base(edit: edit("import-all") { $0.actions.append(.check(stepCheck)) }),
      new: base("2.0"),
      expected: [
        .init(
          .safety, .check(place: .step(id: "import-all"), old: stepCheck, new: nil),
          because: "a check disappears"),
        .init(.behaviour, .tool(old: "grep", new: nil)),
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a confirmation reworded",
      old: base(),
      new: base(
        "2.0",
        edit: edit("confirm-backup") {
          $0.actions = [.manual(ManualInstruction("Check that tonight's backup completed."))]
        }),
      expected: [
        .init(
          .wording,
          .instruction(
            step: "confirm-backup", old: "Check that last night's backup completed.",
            new: "Check that tonight's backup completed."))
      ],
      statuses: statuses(.wording)),
    DiffPair(
      name: "a cleanup, an optional flag and a concurrent group",
      old: base(),
      new: base(
        "2.0",
        edit: edit("import-all") {
          $0.cleanup = cleanup
          $0.enabledBy = "IMPORT"
          $0.concurrentGroup = "imports"
        }),
      expected: [
        .init(.behaviour, .cleanup(step: "import-all", old: nil, new: cleanup)),
        .init(.behaviour, .optional(step: "import-all", old: nil, new: "IMPORT")),
        .init(.behaviour, .concurrency(step: "import-all", old: nil, new: "imports")),
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a step that becomes destructive",
      old: base(),
      new: base("2.0", edit: edit("import-all") { $0.destroys = "the target's users" }),
      expected: [
        .init(
          .safety, .destroys(step: "import-all", old: nil, new: "the target's users"),
          because: "the step becomes destructive")
      ],
      statuses: statuses(.safety)),
    DiffPair(
      name: "a danger note removed and a limitation added",
      old: base { $0.admonitions = [.danger("Never run this against production.")] },
      new: base("2.0") { $0.limitations.append("Jobs are not migrated.") },
      expected: [
        .init(.wording, .limitation(old: nil, new: "Jobs are not migrated.")),
        .init(
          .wording,
          .admonition(
            place: .procedure, old: .danger("Never run this against production."), new: nil)),
      ],
      statuses: statuses(.wording)),
    DiffPair(
      name: "a phase added and the phases reordered",
      old: base { $0.phases.append(otherPhase("prepare")) },
      new: base("2.0") {
        $0.phases.insert(otherPhase("prepare"), at: 0)
        $0.phases.append(otherPhase("report"))
      },
      expected: [
        .init(
          .behaviour,
          .stepAdded(
            step: StepReference(id: "report-step", phase: "report", title: "Step of report"))),
        .init(
          .behaviour,
          .phaseAdded(phase: PhaseReference(id: "report", title: "report", runsOn: "a workstation"))
        ),
        .init(.behaviour, .phaseOrder(old: ["main", "prepare"], new: ["prepare", "main"])),
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a phase removed",
      old: base { $0.phases.append(otherPhase("report")) },
      new: base("2.0"),
      expected: [
        .init(
          .behaviour,
          .stepRemoved(
            step: StepReference(id: "report-step", phase: "report", title: "Step of report"))),
        .init(
          .behaviour,
          .phaseRemoved(
            phase: PhaseReference(id: "report", title: "report", runsOn: "a workstation"))),
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a parameter's kind, choices, requirement, rules and meaning",
      old: base(),
      new: base("2.0") {
        $0.parameters[0].isRequired = false
        $0.parameters[0].choices = ["prod", "staging"]
        $0.parameters[0].rules = [.differsFrom("TOKEN")]
        $0.parameters[0].meaning = "The kube context of the cluster."
        $0.parameters[2].kind = .text
      },
      expected: [
        .init(.behaviour, .parameterRequired(name: "KUBE_CONTEXT", old: true, new: false)),
        .init(
          .behaviour, .parameterChoices(name: "KUBE_CONTEXT", old: [], new: ["prod", "staging"])),
        .init(
          .behaviour, .parameterRules(name: "KUBE_CONTEXT", old: [], new: [.differsFrom("TOKEN")])),
        .init(
          .wording,
          .parameterMeaning(
            name: "KUBE_CONTEXT", old: "The cluster's kube context.",
            new: "The kube context of the cluster.")),
        .init(.behaviour, .parameterKind(name: "WAIT_TIMEOUT", old: .integer, new: .text)),
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a parameter added and one removed",
      old: base { $0.parameters.append(Parameter("OLD_FLAG", "Unused.", default: "no")) },
      new: base("2.0") { $0.parameters.append(Parameter("NEW_FLAG", "New.", default: "no")) },
      expected: [
        .init(.behaviour, .parameterAdded(parameter: Parameter("NEW_FLAG", "New.", default: "no"))),
        .init(
          .behaviour, .parameterRemoved(parameter: Parameter("OLD_FLAG", "Unused.", default: "no"))),
      ],
      statuses: statuses(.behaviour)),
    DiffPair(
      name: "a correction added",
      old: base(),
      new: base("2.0") { $0.corrections = [correction] },
      expected: [.init(.wording, .correction(old: nil, new: correction))],
      statuses: statuses(.wording)),
  ]

  static let correction = Correction(
    "The import names its context", source: "python import_db.py --users --groups",
    problem: "It acts on the current context.", fix: "It names KUBE_CONTEXT.",
    steps: ["import-all"])

  static func otherPhase(_ id: String) -> Phase {
    Phase(
      id: id, title: id, runsOn: "a workstation",
      sections: [Section(title: id, steps: [step("\(id)-step", "Step of \(id)", ["true"])])])
  }
}
