import Catalog
import Foundation
import Templates
import TestSupport

/// A CML workspace emulated with state (`Stubs/cml-workspace.bash` behind
/// the kubectl stub) whose database is a real PostgreSQL database of its
/// own: every SQL statement of the import runs for real. The archive is a
/// real tar.gz of the CDSW dump and a project.
struct CMLEmulatedWorkspace {
  static let namespace = "cml-ws"
  static let deployments = [
    "web", "feature-flags", "usage-reporter", "model-proxy", "cron", "metering",
  ]

  let harness: ScriptHarness
  let database: String
  let server: PostgresServer
  var cluster: String { harness.folder.file("cluster") }
  var archive: String { harness.folder.file("cdsw.tar.gz") }

  /// The workspace database every test copies.
  private static let template: Result<String, any Error> = Result {
    let server = try PostgresServer.require()
    let name = "cml_workspace_template"
    try server.createDatabase(name)
    try server.run(CMLDatabaseFixtures.workspace, in: name)
    return name
  }

  init() throws {
    server = try PostgresServer.require()
    let template = try Self.template.get()
    database = "cml_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
    try server.createDatabase(database, from: template)
    harness = try ScriptHarness(script: CMLWorkspace.script, stubs: ["kubectl", "tar", "sleep"])
    try harness.emulate("kubectl", with: "cml-workspace.bash")
    try harness.rule("kubectl", "api-versions", output: "v1\n")
    try harness.rule(
      "tar", "-tzf *",
      output: "db.sql\nprojects/\nprojects/projects/\nprojects/projects/1/main.py\n")
    try makeCluster()
    try makeArchive()
  }

  /// The cluster's starting state: every deployment at 2 replicas, the
  /// database up, its data volume holding PostgreSQL 11's data directory,
  /// and the db-migrations job that set the workspace up.
  private func makeCluster() throws {
    let folder = harness.folder
    let environment = server.environment(database: database)
    try folder.write(
      ["PGHOST", "PGPORT", "PGDATABASE"].map { "\($0)=\(environment[$0]!)\n" }.joined()
        + "PG_BINDIR=\(server.bindir)\n",
      to: "cluster/postgres.env")
    try folder.write(Self.namespace + "\n", to: "cluster/namespace")
    for name in Self.deployments { try folder.write("2\n", to: "cluster/deployments/\(name)") }
    try folder.write("1\n", to: "cluster/db.replicas")
    try folder.write(CMLDatabaseFixtures.migrations, to: "cluster/migrations.sql")
    try folder.write(
      """
      apiVersion: batch/v1
      kind: Job
      metadata:
        creationTimestamp: "2024-01-01T00:00:00Z"
        labels:
          controller-uid: 8d1c
        name: db-migrate-abc
        namespace: \(Self.namespace)
        resourceVersion: "3065091"
        uid: 8d1c
      spec:
        template: {}
      status:
        succeeded: 1

      """, to: "cluster/jobs/db-migrate-abc")
    try folder.write("11\n", to: "cluster/pods/helper/migration/db-versioned/11/PG_VERSION")
    try FileManager.default.createDirectory(
      atPath: folder.file("cluster/pods/helper/migration/projects"),
      withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: folder.file("cluster/pods/db-0/tmp"), withIntermediateDirectories: true)
    // The database server (another user when the tests run as root) writes
    // COPY ... TO files into db-0's /tmp.
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o1777], ofItemAtPath: folder.file("cluster/pods/db-0/tmp"))
  }

  /// The export's archive: the CDSW dump and CDSW's projects/projects tree,
  /// made once, so that every test imports the same bytes.
  private static let archiveBytes: Result<Data, any Error> = Result {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write(CMLDatabaseFixtures.cdswDump, to: "cdsw/db.sql")
    try folder.write("print('hello')\n", to: "cdsw/projects/projects/1/main.py")
    let archive = folder.file("cdsw.tar.gz")
    let tar = try ProcessRunner.run(
      "/bin/tar", ["-czf", archive, "-C", folder.file("cdsw"), "db.sql", "projects"])
    guard tar.status == 0 else { throw PostgresError("tar: \(tar.standardError)") }
    return try Data(contentsOf: URL(fileURLWithPath: archive))
  }

  private func makeArchive() throws {
    try Self.archiveBytes.get().write(to: URL(fileURLWithPath: archive))
  }

  /// `import` under `--yes`.
  func runImport(_ extra: [String] = [], environment: [String: String] = [:]) throws
    -> ProcessResult
  {
    try harness.run(
      [
        "import", "--yes", "--namespace", Self.namespace, "--archive", archive, "--work-dir",
        harness.folder.file("work"),
      ] + extra, environment: environment)
  }

  /// `import` without `--yes`: `input` is typed at the script's terminal.
  func runInteractive(
    _ extra: [String], input: String, environment: [String: String] = [:]
  ) throws -> ProcessResult {
    try harness.run(
      [
        "import", "--namespace", Self.namespace, "--archive", archive, "--work-dir",
        harness.folder.file("work"),
      ] + extra, input: input, environment: environment)
  }

  /// Every row of every table of the workspace database, sorted, table by
  /// table: what a migration leaves behind.
  func databaseContents() throws -> String {
    // Two psql runs, not two a table: a fault suite reads this after every run.
    let tables = try server.run(
      """
      SELECT table_schema || '.' || table_name || '(' || string_agg(column_name, ',' ORDER BY ordinal_position) || ')'
      FROM information_schema.columns
      WHERE table_schema IN ('public', 'feature_flags')
      GROUP BY table_schema, table_name ORDER BY table_schema || '.' || table_name;
      """, in: database
    ).split(separator: "\n")
    guard !tables.isEmpty else { return "" }
    let marker = "--- table "
    let rows = try server.run(
      tables.map { heading in
        let table = heading.prefix { $0 != "(" }
        return "SELECT '\(marker)\(heading)';\nSELECT t::text FROM \(table) AS t ORDER BY 1;"
      }.joined(separator: "\n"), in: database)
    return rows.replacingOccurrences(of: marker, with: "")
  }

  /// The emulated cluster's files (paths and contents) and the work folder's
  /// saved files: everything but the run's own state, log and lock.
  func clusterContents() -> String {
    var lines: [String] = []
    for root in ["cluster", "work"] {
      let base = harness.folder.file(root)
      let paths = (FileManager.default.subpaths(atPath: base) ?? []).sorted()
      for path in paths
      where !["cml.state", "cml.log", "cml.record.jsonl", "postgres.env"].contains(
        where: path.hasPrefix)
      {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory)
        if isDirectory.boolValue {
          lines.append("\(root)/\(path)/")
        } else {
          lines.append("\(root)/\(path): \(harness.folder.read(root + "/" + path) ?? "")")
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  func remove() { try? server.dropDatabase(database) }
}
