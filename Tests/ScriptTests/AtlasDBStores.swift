import Catalog
import Templates
import TestSupport

/// Two key-value stores for the AtlasDB double (`Stubs/atlasdb-cli.bash`):
/// the source with tables to migrate and an atomic one, the target with a
/// table of its own (which setup must drop) and an atomic one (which it must
/// keep), and the configurations that name them.
enum AtlasDBStores {
  static let script = BashScript.render(AtlasDB.version1, generator: Outputs.generator)

  static func configuration(_ namespace: String) -> String {
    """
    atlasdb:
      keyValueService:
        type: memory
        namespace: \(namespace)
        password: not-to-be-shown
      leader:
        quorumSize: 1

    """
  }

  /// A harness with the double as atlasdb-cli and both stores seeded.
  static func harness() throws -> ScriptHarness {
    let harness = try ScriptHarness(script: script, stubs: [])
    try harness.installDouble("atlasdb-cli.bash", as: ["atlasdb-cli"])
    try harness.folder.write(configuration("source"), to: "source.yml")
    try harness.folder.write(configuration("target"), to: "target.yml")
    try harness.folder.write("1=alice\n2=bob\n3=carol\n", to: "kvs/source/tables/users")
    try harness.folder.write("1=book\n2=pen\n", to: "kvs/source/tables/orders")
    try harness.folder.write("users=4\n", to: "kvs/source/tables/sweep.priority")
    try harness.folder.write("10=11\n", to: "kvs/source/tables/_transactions")
    try harness.folder.write("9=left over\n", to: "kvs/target/tables/stale")
    try harness.folder.write("3=4\n", to: "kvs/target/tables/_transactions")
    return harness
  }

  static func arguments(_ harness: ScriptHarness, _ extra: [String] = []) -> [String] {
    [
      "--atlasdb-cli", harness.bin + "/atlasdb-cli", "--from-config", "source.yml",
      "--migrate-config", "target.yml", "--work-dir", harness.folder.file("work"),
    ] + extra
  }

  static let unattended = ["--yes", "--service-stopped", "yes"]

  /// The emulated stores, without the log of every write.
  static func stores(_ harness: ScriptHarness) -> [String: String] {
    harness.tree("kvs").filter { !$0.key.hasSuffix("writes.log") }
  }

  /// The cells migrate wrote into the target, in order.
  static func writes(_ harness: ScriptHarness) -> [String] {
    (harness.folder.read("kvs/target/writes.log") ?? "").split(separator: "\n").map(String.init)
  }

  static func state(_ harness: ScriptHarness) -> [String] {
    (harness.folder.read("home/.gen-migration/atlasdb/atlasdb.state") ?? "").split(
      separator: "\n"
    ).map(String.init)
  }
}
