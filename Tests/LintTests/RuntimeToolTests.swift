import Lint
import Model
import Testing

/// `sleep` between a wait's tries is the runtime's: lint does not demand it
/// of the author, but a `sleep` the author's command runs must be declared.
@Suite struct RuntimeToolTests {
  static func waiting(_ command: String) -> Step {
    Step(
      id: "settle", title: "Settle",
      actions: [
        .shell(ShellCommand(command)),
        .wait(WaitCondition("ready", until: "kubectl get pods", timeout: "60")),
      ])
  }

  @Test func aWaitDoesNotDemandSleep() {
    let procedure = LintTests.procedure([Self.waiting("kubectl get ns")], tools: ["kubectl"])
    #expect(LintTests.linter.lint(procedure).filter { $0.rule.hasSuffix("-tool") } == [])
    // The runbook still lists it: the script runs it.
    #expect(procedure.derivedTools.contains("sleep"))
  }

  @Test func declaringTheRuntimesSleepIsNotUnused() {
    let procedure = LintTests.procedure(
      [Self.waiting("kubectl get ns")], tools: ["kubectl", "sleep"])
    #expect(LintTests.linter.lint(procedure).filter { $0.rule.hasSuffix("-tool") } == [])
  }

  @Test func aSleepTheAuthorRunsMustBeDeclaredAndNamesItsStep() {
    let procedure = LintTests.procedure(
      [Self.waiting("sleep 5; kubectl get ns")], tools: ["kubectl"])
    let found = LintTests.linter.lint(procedure).filter { $0.rule == "undeclared-tool" }
    #expect(found.map(\.step) == ["settle"])
    #expect(found.first?.message.contains("`sleep`") == true)
  }
}
