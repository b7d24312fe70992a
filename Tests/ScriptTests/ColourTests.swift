import Foundation
import Model
import Templates
import TestSupport
import Testing

/// Colour on a terminal (issue 13): progress lines, warnings and a
/// destructive step's confirmation are coloured when the script's output is
/// a terminal, never when `NO_COLOR` is set, `TERM` is dumb or the output is
/// a pipe; the log holds none of it, and a failed step's message names its
/// runbook section.
@Suite struct ColourTests {
  static let procedure = InjectionTests.procedure([
    InjectionTests.step("first", "tool first"),
    Step(
      id: "drop-it", title: "Drop it", actions: [.shell(ShellCommand("tool drop"))],
      destroys: "the old copy"),
    InjectionTests.step("last", "tool last"),
  ])

  static let escape = "\u{1B}["
  static let progress = "\u{1B}[1;36m"
  static let danger = "\u{1B}[1;31m"
  static let warning = "\u{1B}[33m"
  static let reset = "\u{1B}[0m"

  static func harness() throws -> ScriptHarness {
    let harness = try ScriptHarness(
      script: BashScript.render(procedure, generator: "gen-migration test"), stubs: ["tool"])
    // The last step fails: its failure is a warning.
    try harness.rule("tool", "last", status: "3")
    return harness
  }

  /// A run whose standard output and error are a terminal, the
  /// confirmation answered `yes` there; what the terminal showed, without
  /// the terminal's carriage returns.
  static func onTerminal(
    _ harness: ScriptHarness, _ environment: [String: String] = [:]
  ) throws -> (status: Int32, shown: String) {
    let run = try harness.run(
      [], input: "yes\n",
      environment: ["TTY_OUTPUT": "1", "TERM": "xterm-256color"].merging(environment) { $1 })
    return (run.status, run.standardOutput.replacingOccurrences(of: "\r\n", with: "\n"))
  }

  static func lines(_ text: String, containing part: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.contains(part) }
  }

  @Test func aTerminalSeesProgressWarningsAndTheDangerPromptInColour() throws {
    let harness = try Self.harness()
    let (status, shown) = try Self.onTerminal(harness)
    #expect(status == 1, "\(shown)")
    for step in Self.procedure.orderedSteps.map(\.step.id).dropLast() {
      let completed = try #require(
        Self.lines(shown, containing: "\(step): completed in").first, "\(shown)")
      #expect(completed.contains(Self.progress) && completed.hasSuffix(Self.reset), "\(completed)")
    }
    let started = Self.lines(shown, containing: ": started (")
    #expect(started.count == Self.procedure.orderedSteps.count, "\(shown)")
    #expect(started.allSatisfy { $0.contains(Self.progress) })
    let destroys = try #require(Self.lines(shown, containing: "This step destroys").first)
    #expect(destroys.hasPrefix(Self.danger) && destroys.hasSuffix(Self.reset), "\(destroys)")
    #expect(shown.contains(Self.danger + "  Type yes to destroy the old copy"), "\(shown)")
    // The warning on standard error, not the progress record of the same
    // failure on standard output (the terminal shows the two streams in
    // either order).
    let failure = try #require(
      Self.lines(shown, containing: "failed with exit status 3").first {
        $0.contains("migrate.sh: step ")
      })
    #expect(failure.hasPrefix(Self.warning + "migrate.sh: "), "\(failure)")
    #expect(failure.hasSuffix(Self.reset), "\(failure)")
  }

  @Test func theLogOfAColouredRunHoldsNoColour() throws {
    let harness = try Self.harness()
    let (_, shown) = try Self.onTerminal(harness)
    #expect(shown.contains(Self.escape))
    let log = try #require(harness.tree("home").first { $0.key.hasSuffix(".log") }?.value)
    #expect(log.contains("drop-it: completed in"), "\(log)")
    #expect(log.contains("failed with exit status 3"), "\(log)")
    #expect(!log.contains("\u{1B}"), "\(log)")
  }

  @Test(arguments: [["NO_COLOR": "1"], ["TERM": "dumb"]])
  func noColourWhenTheOperatorSaysSo(_ environment: [String: String]) throws {
    let harness = try Self.harness()
    let (status, shown) = try Self.onTerminal(harness, environment)
    #expect(status == 1)
    #expect(shown.contains("drop-it: completed in"), "\(shown)")
    #expect(!shown.contains("\u{1B}"), "\(shown)")
  }

  @Test func noColourWhenTheOutputIsAPipe() throws {
    let harness = try Self.harness()
    let run = try harness.run(["--yes"], environment: ["TERM": "xterm-256color"])
    #expect(run.status == 1)
    #expect(run.standardOutput.contains("drop-it: completed in"), "\(run.standardOutput)")
    #expect(!(run.standardOutput + run.standardError).contains("\u{1B}"))
  }

  @Test func aFailedStepNamesItsRunbookSection() throws {
    let harness = try Self.harness()
    let run = try harness.run(["--yes"])
    let last = try #require(Self.procedure.orderedSteps.last?.step.id)
    #expect(
      run.standardError.contains("README.md#\(RunbookAnchor.step(last))"), "\(run.standardError)")
    // The runbook has that anchor.
    let runbook = Runbook.render(Self.procedure, generator: "gen-migration test")
    #expect(runbook.contains(#"<a id="\#(RunbookAnchor.step(last))"></a>"#))
  }
}
