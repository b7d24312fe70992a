import Model
import Templates
import Testing

/// The typed diff on hand-made pairs: which changes, of which class, and
/// how the summary and the runbook say them.
@Suite struct ProcedureDiffTests {
  static func makeStep(_ id: String, _ command: String = "true", title: String? = nil) -> Step {
    Step(id: id, title: title ?? id, actions: [.shell(ShellCommand(command))])
  }

  static func makeProcedure(_ version: Version, _ steps: [Step], namespace: String = "mlx")
    -> Procedure
  {
    Procedure(
      id: "demo", title: "Demo", version: version, summary: "",
      parameters: [Parameter("NAMESPACE", "ns", default: namespace)],
      phases: [
        Phase(
          id: "main", title: "Main", runsOn: "here", sections: [Section(title: "S", steps: steps)])
      ])
  }

  static let base = makeProcedure(
    "1.0", [makeStep("a"), makeStep("b"), makeStep("c", "kubectl get pods")])

  static func diff(_ new: Procedure) -> ProcedureDiff {
    ProcedureDiff.between(base, new, rules: .conservative)
  }

  static func reference(_ id: String, destroys: String? = nil) -> StepReference {
    StepReference(id: id, phase: "main", title: id, destroys: destroys)
  }

  @Test func identicalProceduresHaveNoDifference() {
    let diff = Self.diff(Self.base)
    #expect(diff.isEmpty)
    #expect(DiffSummary.text(diff) == "no difference between demo@1.0 and demo@1.0\n")
  }

  @Test func anAddedStep() {
    let diff = Self.diff(
      Self.makeProcedure(
        "2.0",
        [
          Self.makeStep("a"), Self.makeStep("new"), Self.makeStep("b"),
          Self.makeStep("c", "kubectl get pods"),
        ]))
    #expect(diff.entries == [.init(.behaviour, .stepAdded(step: Self.reference("new")))])
    #expect(
      DiffSummary.text(diff)
        == "demo@1.0 → demo@2.0: 1 change (1 behaviour)\nsteps: 1 added\n\nBehaviour (1):\n  added step new (main): new\n"
    )
  }

  @Test func aRemovedStep() {
    let diff = Self.diff(
      Self.makeProcedure("2.0", [Self.makeStep("a"), Self.makeStep("c", "kubectl get pods")]))
    #expect(diff.entries == [.init(.behaviour, .stepRemoved(step: Self.reference("b")))])
  }

  @Test func aMovedStep() {
    let diff = Self.diff(
      Self.makeProcedure(
        "2.0", [Self.makeStep("c", "kubectl get pods"), Self.makeStep("a"), Self.makeStep("b")]))
    #expect(
      diff.changes == [.stepMoved(step: Self.reference("c"), oldPhase: "main", after: nil)])
    #expect(DiffSummary.text(diff).contains("  moved step c (main): c: now first\n"))
  }

  @Test func aChangedCommandAndTitle() {
    let diff = Self.diff(
      Self.makeProcedure(
        "2.0",
        [
          Self.makeStep("a"), Self.makeStep("b", title: "Bee"),
          Self.makeStep("c", "kubectl get pods -A"),
        ]))
    #expect(
      diff.entries == [
        .init(.wording, .title(place: .step(id: "b"), old: "b", new: "Bee")),
        .init(
          .behaviour,
          .commands(step: "c", old: ["kubectl get pods"], new: ["kubectl get pods -A"])),
      ])
    let summary = DiffSummary.text(diff)
    #expect(
      summary.contains(
        "  commands of step c:\n      - kubectl get pods\n      + kubectl get pods -A\n"))
    // Behaviour comes before wording.
    let commands = try! #require(summary.range(of: "commands of step c"))
    let title = try! #require(summary.range(of: "title of step b"))
    #expect(commands.lowerBound < title.lowerBound)
  }

  @Test func aChangedDefaultAndADestructiveFlag() {
    var wipe = Self.makeStep("b")
    wipe.destroys = "the namespace"
    let diff = Self.diff(
      Self.makeProcedure(
        "2.0", [Self.makeStep("a"), wipe, Self.makeStep("c", "kubectl get pods")], namespace: "prod"
      ))
    #expect(
      diff.entries == [
        .init(
          .safety, .destroys(step: "b", old: nil, new: "the namespace"),
          because: "the step becomes destructive"),
        .init(.behaviour, .parameterDefault(name: "NAMESPACE", old: "mlx", new: "prod")),
      ])
    let summary = DiffSummary.text(diff)
    #expect(
      summary.contains(
        "\nSafety (1):\n  step b becomes destructive: destroys the namespace — the step becomes destructive\n"
      ))
    #expect(summary.contains("  default of NAMESPACE: mlx → prod\n"))
  }

  @Test func unrelatedStepsAreRemovedAndAddedNotReplaced() {
    let old = Self.makeProcedure("1.0", [Self.makeStep("backup", "pg_dump app > app.sql")])
    let new = Self.makeProcedure("2.0", [Self.makeStep("notify", "mail -s done ops@example.com")])
    #expect(
      ProcedureDiff.between(old, new, rules: .conservative).changes == [
        .stepAdded(step: Self.reference("notify")), .stepRemoved(step: Self.reference("backup")),
        .tool(old: "pg_dump", new: nil), .tool(old: nil, new: "mail"),
      ])
  }

  @Test func aWeakSecondMatchDoesNotJoinARename() {
    let old = Self.makeProcedure(
      "1.0", [Self.makeStep("dump", "pg_dump --schema public app > app.sql", title: "Dump app")])
    let new = Self.makeProcedure(
      "2.0",
      [
        Self.makeStep(
          "dump-app", "pg_dump --schema public app > app.sql", title: "Dump the app"),
        Self.makeStep("dump-logs", "tar czf logs.tgz logs", title: "Dump the logs"),
      ])
    #expect(
      ProcedureDiff.between(old, new, rules: .conservative).changes == [
        .stepRenamed(
          old: StepReference(id: "dump", phase: "main", title: "Dump app"),
          new: StepReference(id: "dump-app", phase: "main", title: "Dump the app")),
        .title(place: .step(id: "dump-app"), old: "Dump app", new: "Dump the app"),
        .stepAdded(step: StepReference(id: "dump-logs", phase: "main", title: "Dump the logs")),
        .tool(old: nil, new: "tar"),
      ])
  }

  @Test func aNewVersionsRunbookCarriesItsChangesByRiskClass() {
    let new = Self.makeProcedure(
      "2.0",
      [Self.makeStep("a"), Self.makeStep("c", "kubectl get pods"), Self.makeStep("d", "helm list")])
    let runbook = Runbook.render(new, generator: "test", previous: Self.base)
    #expect(runbook.contains("- [Changes since 1.0](#changes-since-10)"))
    #expect(
      runbook.contains("## Changes since 1.0\n\nGenerated from the models of demo@1.0 and demo@2.0")
    )
    #expect(
      runbook.contains(
        "3 changes (1 safety, 2 behaviour); steps: 1 added, 1 removed.\n\n**Safety** (1): what can destroy, expose or skip a guard; sign each off.\n\n- new tool `helm` — the operator needs it on PATH\n\n**Behaviour** (2): what runs differently.\n\n- added step `d` (main): d\n- removed step `b` (main): b\n"
      ))
  }
}
