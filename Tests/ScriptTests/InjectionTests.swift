import Foundation
import Model
import Templates
import TestSupport
import Testing

/// The defects of issue 8, each run as an operator would: text of the model
/// never becomes code, here-documents reach their tool byte for byte, and
/// every step runs its own function.
@Suite struct InjectionTests {
  /// A one-phase procedure of `steps`, with `parameters`.
  static func procedure(
    _ steps: [Step], parameters: [Parameter] = [], title: String = "Injection"
  ) -> Procedure {
    Procedure(
      id: "injection", title: title, version: "1.0", summary: "Tries to inject.",
      parameters: parameters,
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here",
          sections: [Section(title: "Steps", steps: steps)])
      ])
  }

  static func step(_ id: String, _ command: String, group: String? = nil) -> Step {
    Step(
      id: id, title: "Step \(id)", actions: [.shell(ShellCommand(command))], concurrentGroup: group)
  }

  func harness(_ procedure: Procedure) throws -> ScriptHarness {
    #expect(procedure.validate().filter { $0.severity == .error } == [])
    return try ScriptHarness(
      script: BashScript.render(procedure, generator: "test"), stubs: ["kubectl", "tool"])
  }

  @Test func aHereDocumentInACommandReachesTheToolByteForByte() throws {
    let manifest = "kind: Namespace\n  indented: 'x' \"y\" $NOT `expanded`\nEOF-not-the-end"
    let command = "kubectl apply -f - <<'EOF'\n\(manifest)\nEOF\ntool after"
    let harness = try harness(Self.procedure([Self.step("apply", command)]))
    let result = try harness.run(["--yes"])
    #expect(result.status == 0, "\(result.standardError)")
    let stdin = harness.calls.filter { $0.hasPrefix("  | ") }.map { String($0.dropFirst(4)) }
    #expect(stdin == manifest.split(separator: "\n").map(String.init))
    #expect(harness.commandCalls == ["kubectl apply -f -", "tool after"])
  }

  @Test func sqlWithItsOwnTerminatorReachesTheClientByteForByte() throws {
    let statements = "UPDATE t SET a = '$x' WHERE b = `c`;\nSQL\n  SQL  \nSELECT 1;\n"
    let step = Step(
      id: "update", title: "Update",
      actions: [.sql(SQLScript(client: "kubectl exec -i db-0 -- psql", statements))])
    let harness = try harness(Self.procedure([step]))
    let result = try harness.run(["--yes"])
    #expect(result.status == 0, "\(result.standardError)")
    let stdin = harness.calls.filter { $0.hasPrefix("  | ") }.map { String($0.dropFirst(4)) }
    #expect(stdin == statements.split(separator: "\n").map(String.init))
  }

  @Test func aWrittenFileHoldingAHereDocumentIsWrittenByteForByte() throws {
    let content = "#!/bin/sh\ncat <<EOF\n$HOME `id` \\n ${NAMESPACE}\nEOF\nEOF_1\n"
    let step = Step(
      id: "write", title: "Write",
      actions: [.writeFile(FileWrite("out.sh", language: "bash", content: content))])
    let harness = try harness(
      Self.procedure([step], parameters: [Parameter("NAMESPACE", "ns", default: "mlx")]))
    let result = try harness.run(["--yes"])
    #expect(result.status == 0, "\(result.standardError)")
    let written = harness.folder.read("out.sh")
    #expect(written == content.replacingOccurrences(of: "${NAMESPACE}", with: "mlx"))
  }

  @Test func aChoiceThatLooksLikeCodeStaysTextInTheUsageMessage() throws {
    let choice = "$(touch canary)"
    let harness = try harness(
      Self.procedure(
        [Self.step("run", "tool \"${MODE}\"")],
        parameters: [
          Parameter("MODE", "mode", default: "a", choices: ["a", choice, "`touch canary`"])
        ]))
    let wrong = try harness.run(["--mode", "b", "--yes"])
    #expect(wrong.status == 2)
    #expect(wrong.standardError.contains("must be one of a, \(choice), `touch canary`, not 'b'"))
    let right = try harness.run(["--mode", choice, "--yes"])
    #expect(right.status == 0, "\(right.standardError)")
    #expect(harness.arguments(ofCall: 1) == [choice])
    #expect(harness.folder.read("canary") == nil)
  }

  @Test func aGroupNameThatLooksLikeCodeIsNotRunByDryRun() throws {
    let group = "$(touch canary)"
    let harness = try harness(
      Self.procedure([
        Self.step("a", "tool a", group: group), Self.step("b", "tool b", group: group),
      ]))
    let result = try harness.run(["--dry-run"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      result.standardOutput.contains("runs at the same time as the other steps of group \(group)"))
    let real = try harness.run(["--yes"])
    #expect(real.status == 0, "\(real.standardError)")
    #expect(harness.folder.read("canary") == nil)
  }

  @Test func backticksAndQuotesInTitlesKeepTheScriptParseable() throws {
    let title = "```bash `touch canary` $(touch canary) 'x' \"y\" \\ <script>"
    var step = Self.step("run", "tool")
    step.title = title
    let procedure = Self.procedure([step], title: title)
    let harness = try harness(procedure)
    for arguments in [["--help"], ["--list"], ["--dry-run"], ["--yes"]] {
      let result = try harness.run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.standardError)")
      if arguments != ["--yes"] { #expect(result.standardOutput.contains(title)) }
    }
    #expect(harness.folder.read("canary") == nil)
  }

  @Test func aStepAndAnotherStepsHelperNeverShareAFunction() throws {
    let check = Step(
      id: "check", title: "Check",
      actions: [
        .check(OutputCheck("nothing", command: "tool check", expect: .empty, failure: "not empty"))
      ])
    let other = Self.step("check-1", "tool destroy")
    let harness = try harness(Self.procedure([check, other]))
    let result = try harness.run(["--only", "check", "--yes"])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(harness.commandCalls == ["tool check"])
    harness.clearCalls()
    let second = try harness.run(["--only", "check-1", "--yes"])
    #expect(second.status == 0, "\(second.standardError)")
    #expect(harness.commandCalls == ["tool destroy"])
  }

  @Test func stepFunctionNamesAreInjective() {
    let ids = ["check", "check-1", "check-1-1", "a-b", "ab", "a", "1a", "a1", "x41", "A", "a_b"]
    var names: Set<String> = []
    for id in ids {
      names.insert(ScriptContract.stepFunction(id))
      for index in 1...3 { names.insert(ScriptContract.actionFunction(id, index: index)) }
    }
    #expect(names.count == ids.count * 4)
  }

  @Test func everyGlobalTheRuntimeAssignsIsNamedInTheContract() throws {
    let script = BashScript.render(Self.procedure([Self.step("run", "tool")]), generator: "t")
    let runtime = script.components(separatedBy: "# Runtime: output")[1]
    let pattern = try Regex(
      #"(?m)^\s*(?:readonly |declare -A |export )?([A-Z][A-Z0-9_]*)(?:\[[^\]]*\])?\+?="#)
    var assigned: Set<String> = []
    for match in runtime.matches(of: pattern) {
      if let name = match.output[1].substring { assigned.insert(String(name)) }
    }
    let contract = Set(ScriptContract.globals)
    #expect(!assigned.isEmpty)
    // IFS is only ever a prefix of one command (`IFS=, read ...`), never a global.
    #expect(
      assigned.subtracting(contract).subtracting(["IFS"]) == [],
      "globals the runtime assigns outside the contract")
    for name in assigned { #expect(Procedure.isReserved(name)) }
  }
}
