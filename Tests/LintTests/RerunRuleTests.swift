import Lint
import Model
import Testing

/// `rerun-hazard`: an add of rows followed by more commands in the same step
/// is flagged; a guarded add, an add after emptying the table, an add with
/// ON CONFLICT and an add as the last command are not.
@Suite struct RerunRuleTests {
  func hazards(_ steps: [Step]) -> [String?] {
    LintTests.linter.lint(LintTests.procedure(steps, tools: ["psql", "rm"])).filter {
      $0.rule == "rerun-hazard"
    }.map(\.step)
  }

  @Test(arguments: [
    #"psql -c "COPY users(a) FROM '/tmp/u.csv' CSV"\#nrm /tmp/u.csv"#,
    #"psql -c "insert into t values (1)"\#nrm /tmp/x"#,
  ])
  func anAddFollowedByMoreCommandsIsFlagged(command: String) {
    #expect(hazards([LintTests.shell("add", command)]) == ["add"])
  }

  @Test func anAddInSQLFollowedByAnotherActionIsFlagged() {
    let step = Step(
      id: "add", title: "Add",
      actions: [
        .sql(SQLScript(client: "psql -v ON_ERROR_STOP=1", "INSERT INTO t VALUES (1);")),
        .shell(ShellCommand("rm /tmp/x")),
      ])
    #expect(hazards([step]) == ["add"])
  }

  @Test(arguments: [
    #"if [[ -z $(psql -At -c "SELECT 1 FROM t") ]]; then\#n  psql -c "INSERT INTO t VALUES (1)"\#nfi\#nrm /tmp/x"#,
    #"psql -c "TRUNCATE t"\#npsql -c "COPY t FROM '/tmp/t.csv' CSV"\#nrm /tmp/t.csv"#,
    #"rm -f /tmp/x\#npsql -c "COPY t FROM '/tmp/t.csv' CSV""#,
    #"psql -c "COPY (SELECT * FROM t) TO '/tmp/t.csv' CSV"\#nrm /tmp/t.csv"#,
  ])
  func aSafeAddIsNotFlagged(command: String) {
    var step = LintTests.shell("add", command)
    if command.contains("TRUNCATE") {
      step.destroys = "the table"
      step.explanation = "why"
    }
    #expect(hazards([step]) == [])
  }

  @Test func anAddWithOnConflictIsNotFlagged() {
    let step = Step(
      id: "add", title: "Add",
      actions: [
        .sql(
          SQLScript(
            client: "psql -v ON_ERROR_STOP=1", "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING;")),
        .shell(ShellCommand("rm /tmp/x")),
      ])
    #expect(hazards([step]) == [])
  }
}
