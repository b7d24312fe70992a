import Model
import Templates
import TestSupport
import Testing

/// "Confirm you are talking to the correct cluster" as a real guard: the
/// script stops before any step when kubectl's context is not the one named.
@Suite struct ContextGuardTests {
  static let procedure = Procedure(
    id: "guarded", title: "Guarded", version: "1.0", summary: "Checks its cluster first.",
    parameters: [
      Parameter("KUBE_CONTEXT", "The kube context of the cluster to change.", required: true)
    ],
    phases: [
      Phase(
        id: "main", title: "Main", runsOn: "here",
        preflight: [
          OutputCheck(
            "kubectl talks to the expected cluster", command: "kubectl config current-context",
            expect: .equalsParameter("KUBE_CONTEXT"),
            failure:
              "kubectl's current context is not KUBE_CONTEXT: switch with kubectl config use-context, or name the right one."
          )
        ],
        sections: [
          Section(
            title: "Work",
            steps: [
              Step(id: "work", title: "Work", actions: [.shell(ShellCommand("kubectl get pods"))])
            ])
        ])
    ])

  private func harness(context: String) throws -> ScriptHarness {
    let harness = try ScriptHarness(
      script: BashScript.render(Self.procedure, generator: "test"), stubs: ["kubectl"])
    try harness.rule("kubectl", "config current-context", output: context + "\n")
    return harness
  }

  @Test func theWrongContextStopsTheRunBeforeAnyStep() throws {
    let harness = try harness(context: "staging")
    let result = try harness.run(["--yes", "--kube-context", "production"])
    #expect(result.status == 3)
    #expect(result.standardError.contains("kubectl's current context is not KUBE_CONTEXT"))
    #expect(
      result.standardError.contains("expected:\n")
        && result.standardError.contains("    production\n"))
    #expect(
      result.standardError.contains("got:\n") && result.standardError.contains("    staging\n"))
    #expect(harness.commandCalls == ["kubectl config current-context"])
  }

  @Test func theRightContextLetsTheStepsRun() throws {
    let harness = try harness(context: "production")
    let result = try harness.run(["--yes", "--kube-context", "production"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.commandCalls == ["kubectl config current-context", "kubectl get pods"])
  }

  @Test func aGuardAgainstAnUndeclaredParameterIsAnError() {
    var broken = Self.procedure
    broken.parameters = []
    #expect(
      broken.validate().contains {
        $0.rule == "unknown-parameter" && $0.message.contains("KUBE_CONTEXT")
      })
  }
}
