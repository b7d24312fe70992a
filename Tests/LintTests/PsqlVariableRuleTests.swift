import Commands
import Lint
import Model
import Testing

/// psql variables nothing sets (`psql-variable`): in a sql action's
/// statements against its client's `-v`/`--set`/`--variable`, and in
/// `psql -c` text, which psql never interpolates.
@Suite struct PsqlVariableRuleTests {
  static func sql(_ client: String, _ statements: String) -> Procedure {
    LintTests.procedure([
      Step(
        id: "rotate", title: "Rotate", explanation: "why",
        actions: [.sql(SQLScript(client: client, statements))])
    ])
  }

  static func findings(_ procedure: Procedure) -> [Diagnostic] {
    LintTests.linter.lint(procedure).filter { $0.rule == "psql-variable" }
  }

  @Test(arguments: [
    ("ALTER ROLE app PASSWORD :'pw';\n", "pw"),
    ("SELECT * FROM t WHERE id = :id;\n", "id"),
    ("SELECT count(*) FROM :\"table\";\n", "table"),
    ("SELECT :'pw';\n", "pw"),
  ])
  func aVariableNoOptionSetsIsNamedWithItsStep(statements: String, name: String) {
    let found = Self.findings(Self.sql("psql -v ON_ERROR_STOP=1 -v other=1", statements))
    #expect(found.map(\.step) == ["rotate"])
    #expect(found.first?.severity == .error)
    #expect(found.first?.message.contains(":\(name),") == true, "\(found.map(\.message))")
  }

  @Test(arguments: [
    #"psql -v pw="${PW}""#, #"psql --set pw="${PW}""#, #"psql --set=pw="${PW}""#,
    #"psql --variable pw=x"#, #"psql --variable=pw=x"#, #"psql -vpw=x"#,
    #"kubectl exec db-0 -- psql -v ON_ERROR_STOP=1 -v pw="${PW}""#,
  ])
  func aVariableTheClientSetsPasses(client: String) {
    #expect(Self.findings(Self.sql(client, "ALTER ROLE app PASSWORD :'pw';\n")) == [])
  }

  @Test(arguments: [
    "SELECT created::date, id::text FROM t;\n",
    "SELECT f(a := 1);\n",
    "SELECT ':pw', 'a:b' FROM t; -- :pw in a comment\n",
    "SELECT \"odd:name\" FROM t;\n",
    "DO $$ BEGIN PERFORM :pw; END $$;\n",
    "SELECT arr[1:2] FROM t;\n",
    "SELECT :DBNAME;\n",
    "\\set pw secret\nSELECT :'pw';\n",
    "\\getenv pw NEW_PASSWORD\nALTER ROLE app WITH PASSWORD :'pw';\n",
  ])
  func castsAssignmentsLiteralsAndSetVariablesAreNotFindings(statements: String) {
    #expect(Self.findings(Self.sql("psql -v ON_ERROR_STOP=1", statements)) == [])
  }

  @Test func aClientThatIsNotPsqlIsLeftAlone() {
    #expect(Self.findings(Self.sql("mysql db", "SELECT :x;\n")) == [])
  }

  @Test func psqlDashCIsNeverInterpolated() {
    let unset = LintTests.procedure([
      LintTests.shell("look", #"psql -c "SELECT :'pw'""#)
    ])
    #expect(Self.findings(unset).map(\.step) == ["look"])
    #expect(Self.findings(unset).first?.message.contains("no -v pw=") == true)
    let set = LintTests.procedure([
      LintTests.shell("look", #"psql -v pw=x -c "SELECT :'pw'""#)
    ])
    #expect(Self.findings(set).first?.message.contains("never substitutes") == true)
    let plain = LintTests.procedure([
      LintTests.shell("look", #"psql -v pw=x -c "SELECT now()::date""#)
    ])
    #expect(Self.findings(plain) == [])
  }
}
