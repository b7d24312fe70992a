import Catalog
import Foundation
import TestSupport
import Testing

/// The CML import against an emulated workspace whose database is a real
/// PostgreSQL 15 database: the SQL of every step runs for real (issue 9).
@Suite struct CMLDatabaseTests {
  @Test func aCleanImportLeavesTheWorkspaceAsTheProcedureIntends() throws {
    let workspace = try CMLEmulatedWorkspace()
    defer { workspace.remove() }
    let result = try workspace.runImport()
    #expect(result.status == 0, "\(result.standardError)")
    let db = { (sql: String) in try workspace.server.run(sql, in: workspace.database) }
    // The workspace's admin, imported after the CDSW users, is the only user left.
    #expect(
      try db("SELECT id, username, admin, sso_id FROM users ORDER BY id") == "3|alice|t|sso-alice\n"
    )
    // Everything is owned by the admin; duplicate slugs were made unique.
    #expect(
      try db("SELECT slug, user_id, creator_id FROM projects ORDER BY id")
        == "demo-cdsw-user-1|3|3\ndemo-cdsw-user-2|3|3\nsolo|3|3\n")
    #expect(try db("SELECT paused, creator_id FROM jobs") == "t|3\n")
    #expect(try db("SELECT status, creator_id FROM applications") == "stopped|3\n")
    // The workspace's default engine image came back and is the default again.
    #expect(
      try db("SELECT id, repository FROM engine_images ORDER BY id")
        == "1|docker.example/cdsw/engine:8\n2|docker.example/cml/engine:15\n")
    #expect(try db("SELECT id, default_engine_image_id, theme FROM site_config") == "1|2|dark\n")
    #expect(try db("SELECT engine_image_id FROM projects_engine_images") == "2\n")
    // CDSW's quotas and context are gone; its feature flags replaced the workspace's.
    #expect(try db("SELECT count(*) FROM custom_quota") == "0\n")
    #expect(try db("SELECT count(*) FROM invitations") == "0\n")
    for table in CMLDatabaseFixtures.contextTables {
      #expect(try db("SELECT count(*) FROM \(table)") == "0\n", "\(table)")
    }
    #expect(try db("SELECT name FROM feature_flags.flags") == "cdsw-flag\n")
    // The project files are on the volume, the old data directory backed up,
    // the helper pod gone and every service back at its replicas.
    let cluster = workspace.cluster
    #expect(
      FileManager.default.fileExists(
        atPath: cluster + "/pods/helper/migration/projects/projects/1/main.py"))
    #expect(
      FileManager.default.fileExists(
        atPath: cluster + "/pods/helper/migration/db-versioned/11.cml-migrate/PG_VERSION"))
    #expect(!FileManager.default.fileExists(atPath: cluster + "/helper.exists"))
    for name in CMLEmulatedWorkspace.deployments {
      #expect(workspace.harness.folder.read("cluster/deployments/\(name)") == "2\n", "\(name)")
    }
  }
}
