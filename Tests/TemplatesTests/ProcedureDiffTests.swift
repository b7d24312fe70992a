import Model
import Templates
import Testing

/// The semantic diff on hand-made pairs.
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

  @Test func identicalProceduresHaveNoDifference() {
    let diff = ProcedureDiff.between(Self.base, Self.base)
    #expect(diff.isEmpty)
    #expect(DiffSummary.text(diff) == "no difference between demo@1.0 and demo@1.0\n")
  }

  @Test func anAddedStep() {
    let diff = ProcedureDiff.between(
      Self.base,
      Self.makeProcedure(
        "2.0",
        [
          Self.makeStep("a"), Self.makeStep("new"), Self.makeStep("b"),
          Self.makeStep("c", "kubectl get pods"),
        ]))
    #expect(diff.addedSteps.map(\.id) == ["new"])
    #expect(diff.removedSteps.isEmpty && diff.movedSteps.isEmpty && diff.changedSteps.isEmpty)
    #expect(
      DiffSummary.text(diff) == "demo@1.0 → demo@2.0\nsteps: 1 added\nadded step new (main): new\n")
  }

  @Test func aRemovedStep() {
    let diff = ProcedureDiff.between(
      Self.base,
      Self.makeProcedure("2.0", [Self.makeStep("a"), Self.makeStep("c", "kubectl get pods")]))
    #expect(diff.removedSteps.map(\.id) == ["b"])
    #expect(diff.addedSteps.isEmpty && diff.movedSteps.isEmpty)
  }

  @Test func aMovedStep() {
    let diff = ProcedureDiff.between(
      Self.base,
      Self.makeProcedure(
        "2.0", [Self.makeStep("c", "kubectl get pods"), Self.makeStep("a"), Self.makeStep("b")]))
    #expect(diff.movedSteps.map(\.id) == ["c"])
    #expect(diff.addedSteps.isEmpty && diff.removedSteps.isEmpty && diff.changedSteps.isEmpty)
  }

  @Test func aChangedCommandAndTitle() {
    let diff = ProcedureDiff.between(
      Self.base,
      Self.makeProcedure(
        "2.0",
        [
          Self.makeStep("a"), Self.makeStep("b", title: "Bee"),
          Self.makeStep("c", "kubectl get pods -A"),
        ]))
    #expect(diff.changedSteps.map(\.id) == ["b", "c"])
    #expect(diff.changedSteps[0].changes == ["title: \"b\" → \"Bee\""])
    #expect(diff.changedSteps[1].changes == ["commands changed"])
    #expect(diff.changedSteps[1].commandDiff == ["- kubectl get pods", "+ kubectl get pods -A"])
    #expect(
      DiffSummary.text(diff).contains(
        "changed step c: commands changed\n    - kubectl get pods\n    + kubectl get pods -A\n"))
  }

  @Test func aChangedDefaultAndADestructiveFlag() {
    var wipe = Self.makeStep("b")
    wipe.destroys = "the namespace"
    let diff = ProcedureDiff.between(
      Self.base,
      Self.makeProcedure(
        "2.0", [Self.makeStep("a"), wipe, Self.makeStep("c", "kubectl get pods")], namespace: "prod"
      ))
    #expect(
      diff.changedDefaults.map { [$0.name, $0.old, $0.new] } == [["NAMESPACE", "mlx", "prod"]])
    #expect(diff.changedSteps.first?.changes == ["destructive: no → yes (the namespace)"])
    #expect(DiffSummary.text(diff).contains("default of NAMESPACE: mlx → prod\n"))
  }

  @Test func aNewVersionsRunbookCarriesItsChanges() {
    let new = Self.makeProcedure(
      "2.0",
      [Self.makeStep("a"), Self.makeStep("c", "kubectl get pods"), Self.makeStep("d", "helm list")])
    let runbook = Runbook.render(new, generator: "test", previous: Self.base)
    #expect(runbook.contains("- [Changes since 1.0](#changes-since-10)"))
    #expect(
      runbook.contains("## Changes since 1.0\n\nGenerated from the models of demo@1.0 and demo@2.0")
    )
    #expect(runbook.contains("- added step `d` (main): d\n- removed step `b` (main): b\n"))
    #expect(runbook.contains("- new tool `helm`\n"))
  }
}
