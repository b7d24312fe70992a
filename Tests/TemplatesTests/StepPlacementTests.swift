import Model
import Testing

@testable import Templates

/// Which steps a script runs in its own shell and which as a child it waits
/// for: only a choice, or a step of builtins that cannot block, stays in the
/// shell (issue 9: a signal must not wait for a program to end).
@Suite struct StepPlacementTests {
  static func step(_ actions: [Action]) -> Step {
    Step(id: "s", title: "S", actions: actions)
  }

  @Test(arguments: [
    (":", true), ("true", true), ("printf '%s\\n' done", true),
    ("kubectl get pods", false), ("true && kubectl get pods", false),
    ("read -r answer", false), ("wait", false), ("echo $(date)", false),
    ("sleep 30", false),
  ])
  func aShellStepStaysInTheShellOnlyWhenItRunsNonBlockingBuiltins(command: String, inShell: Bool) {
    #expect(BashTranslator.runsInShell(Self.step([.shell(ShellCommand(command))])) == inShell)
  }

  @Test func aChoiceStaysInTheShellAndAProgramOrACheckedManualStepDoesNot() {
    let choice = Action.choose(
      Choice("the pod", into: "POD", from: "kubectl get pods -o name"))
    #expect(BashTranslator.runsInShell(Self.step([choice])))
    #expect(BashTranslator.runsInShell(Self.step([.manual(ManualInstruction("Check it."))])))
    let checked = ManualInstruction(
      "Check it.",
      verification: OutputCheck(
        "it is there", command: "ls /tmp", expect: .nonEmpty, failure: "It is not."))
    #expect(!BashTranslator.runsInShell(Self.step([.manual(checked)])))
    #expect(
      !BashTranslator.runsInShell(
        Self.step([.wait(WaitCondition("it", until: "true", every: 1, timeout: "5"))])))
  }
}
