import Model
import Templates
import Testing

/// Hand-made pairs of procedure versions, one change kind each, with the
/// typed changes `diff` must find and its exit status under each
/// `--fail-on` (none, safety, behaviour, any).
struct DiffPair: CustomTestStringConvertible, Sendable {
  var name: String
  var old: Procedure
  var new: Procedure
  var expected: [ProcedureDiff.Entry]
  /// Statuses without --fail-on, and with safety, behaviour, any.
  var statuses: [Int32]

  var testDescription: String { name }

  /// Exit statuses by the most serious class the pair has.
  static func statuses(_ worst: RiskClass) -> [Int32] {
    switch worst {
    case .safety: [1, 3, 3, 3]
    case .behaviour: [1, 1, 3, 3]
    case .wording: [1, 1, 1, 3]
    }
  }

  static let pin = ContextPin("kubectl", option: "--context", parameter: "KUBE_CONTEXT")
  static let contextGuard = OutputCheck(
    "kubectl's current context is KUBE_CONTEXT", command: "kubectl config current-context",
    expect: .equalsParameter("KUBE_CONTEXT"), failure: "switch to KUBE_CONTEXT first")
  static let wait = WaitCondition(
    "the app to be ready", until: "kubectl --context \"${KUBE_CONTEXT}\" rollout status deploy/app",
    every: 5, timeout: "600")

  static func step(_ id: String, _ title: String, _ commands: [String], destroys: String? = nil)
    -> Step
  {
    Step(
      id: id, title: title, actions: commands.map { .shell(ShellCommand($0)) }, destroys: destroys)
  }

  /// A procedure `demo` with a confirmation, a destructive step, a wait and
  /// an import step, in one phase pinned to KUBE_CONTEXT and guarded by a
  /// preflight check of the context.
  static func base(_ version: Version = "1.0", edit: (inout Procedure) -> Void = { _ in })
    -> Procedure
  {
    var procedure = Procedure(
      id: "demo", title: "Demo", version: version, summary: "Moves the demo app.",
      parameters: [
        Parameter("KUBE_CONTEXT", "The cluster's kube context.", required: true),
        Parameter("TOKEN", "The API token.", required: true, secret: true),
        Parameter("WAIT_TIMEOUT", "Seconds to wait.", default: "600", kind: .integer),
      ],
      limitations: ["Secrets are not migrated."],
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "a workstation", preflight: [contextGuard],
          pins: [pin],
          sections: [
            Section(
              title: "Move",
              steps: [
                Step(
                  id: "confirm-backup", title: "Confirm a full backup exists",
                  actions: [.manual(ManualInstruction("Check that last night's backup completed."))]
                ),
                step(
                  "import-all", "Import users and groups",
                  ["python import_db.py --context \"${KUBE_CONTEXT}\" --users --groups"]),
                step(
                  "delete-old", "Delete the old namespace",
                  ["kubectl --context \"${KUBE_CONTEXT}\" delete namespace old-app"],
                  destroys: "the old-app namespace"),
                Step(id: "wait-ready", title: "Wait for the app", actions: [.wait(wait)]),
              ])
          ])
      ])
    edit(&procedure)
    return procedure
  }

  static func edit(_ id: String, _ change: @escaping (inout Step) -> Void) -> (inout Procedure) ->
    Void
  {
    { procedure in
      let index = procedure.phases[0].sections[0].steps.firstIndex { $0.id == id }!
      change(&procedure.phases[0].sections[0].steps[index])
    }
  }

  static func reference(_ id: String, _ title: String, destroys: String? = nil) -> StepReference {
    StepReference(id: id, phase: "main", title: title, destroys: destroys)
  }
}
