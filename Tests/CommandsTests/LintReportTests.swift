import Commands
import Foundation
import Model
import TestSupport
import Testing

/// `lint --format json` gives file, JSON path and step id; `--format sarif`
/// is SARIF 2.1.0 that a code-scanning tool reads.
@Suite struct LintReportTests {
  static func destructiveFile(_ folder: TemporaryFolder) throws -> String {
    try folder.write(
      ProcedureFileTests.valid.replacingOccurrences(of: "echo hello", with: "rm -rf /tmp/x"),
      to: "wipe.json")
    return folder.file("wipe.json")
  }

  /// Follows `phases[0].sections[1].steps[2]` in the file's JSON.
  static func object(at path: String, in file: String) throws -> [String: Any]? {
    var node: Any = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: file)))
    for part in path.split(separator: ".") {
      let key = String(part.prefix { $0 != "[" })
      let index = Int(part.drop { $0 != "[" }.dropFirst().dropLast()) ?? -1
      guard let array = (node as? [String: Any])?[key] as? [Any], array.indices.contains(index)
      else { return nil }
      node = array[index]
    }
    return node as? [String: Any]
  }

  @Test func jsonFindingsCarryFilePathAndStep() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try Self.destructiveFile(folder)
    let result = GenMigration.run(["lint", file, "--format", "json"])
    #expect(result.status == 1)
    let findings = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
    let finding = try #require(findings.first { $0["rule"] as? String == "undeclared-destruction" })
    #expect(finding["file"] as? String == file)
    #expect(finding["step"] as? String == "hello")
    let path = try #require(finding["path"] as? String)
    #expect(try Self.object(at: path, in: file)?["id"] as? String == "hello")
  }

  @Test func catalogFindingsHaveNoFile() {
    let result = GenMigration.run(["lint", "cml", "--format", "json"])
    #expect(result.status == 0)
    #expect(!result.standardOutput.contains("\"file\""))
  }

  @Test func sarifIsOneRunWithRulesResultsAndLocations() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try Self.destructiveFile(folder)
    let result = GenMigration.run(["lint", file, "--format", "sarif"])
    #expect(result.status == 1)
    let log = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
    let runs = try #require(log["runs"] as? [[String: Any]])
    #expect(runs.count == 1)
    let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "gen-migration")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let ruleIDs = rules.compactMap { $0["id"] as? String }
    #expect(ruleIDs.contains("undeclared-destruction"))
    let results = try #require(runs[0]["results"] as? [[String: Any]])
    let destruction = try #require(
      results.first { $0["ruleId"] as? String == "undeclared-destruction" })
    #expect(destruction["level"] as? String == "error")
    #expect(ruleIDs[destruction["ruleIndex"] as? Int ?? -1] == "undeclared-destruction")
    #expect(
      ((destruction["message"] as? [String: Any])?["text"] as? String)?.contains("rm -r") == true)
    let location = try #require((destruction["locations"] as? [[String: Any]])?.first)
    let artifact = (location["physicalLocation"] as? [String: Any])?["artifactLocation"]
    #expect((artifact as? [String: Any])?["uri"] as? String == file)
    let logical = try #require((location["logicalLocations"] as? [[String: Any]])?.first)
    #expect(logical["name"] as? String == "hello")
    let qualified = try #require(logical["fullyQualifiedName"] as? String)
    let path = String(qualified.split(separator: " ").last ?? "")
    #expect(try Self.object(at: path, in: file)?["id"] as? String == "hello")
  }

  @Test func anUnknownFormatListsSarif() {
    let result = GenMigration.run(["lint", "--format", "xml"])
    #expect(result.status != 0)
    #expect(result.standardError.contains("sarif"))
  }
}
