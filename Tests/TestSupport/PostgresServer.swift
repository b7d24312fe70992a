import Foundation

/// One private PostgreSQL server for the whole test process
/// (`Stubs/postgres-server.bash`): it listens only on a Unix socket in a
/// folder of its own, and stops, its folder removed, when the test process
/// ends, however it ends (the script waits on a pipe whose writing end only
/// this process holds). Each test gets a database of its own, so tests run
/// in parallel against one server.
public final class PostgresServer: Sendable {
  /// The socket folder, for `psql -h`.
  public let socket: String
  public let port: String
  /// The server's bin folder (psql, pg_dump), to put first on a PATH.
  public let bindir: String
  /// The server's psql.
  public var psql: String { bindir + "/psql" }
  /// Kept open for the life of the process: its end stops the server.
  private let lifeline: FileHandle

  /// The server, started on first use. A machine without PostgreSQL fails
  /// the tests that need it, saying what to install: they are never skipped.
  public static let shared: Result<PostgresServer, any Error> = Result { try PostgresServer() }

  public static func require() throws -> PostgresServer { try shared.get() }

  private init() throws {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory())
      .appendingPathComponent("gen-migration-postgres-\(UUID().uuidString)").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ProcessRunner.bash)
    process.arguments = [Self.scriptSource, folder]
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    do { try process.run() } catch {
      throw PostgresError("cannot start \(Self.scriptSource): \(error)")
    }
    var line = Data()
    while !line.contains(UInt8(ascii: "\n")) {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line.append(chunk)
    }
    let words = String(decoding: line, as: UTF8.self).split(separator: " ").map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    guard words.count == 4, words[0] == "ready" else {
      process.waitUntilExit()
      let detail = String(
        decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      throw PostgresError("the test PostgreSQL server did not start: \(detail)")
    }
    socket = words[1]
    port = words[2]
    bindir = words[3]
    lifeline = input.fileHandleForWriting
  }

  static let scriptSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Stubs/postgres-server.bash").path

  /// The environment that points psql at `database` on this server.
  public func environment(database: String) -> [String: String] {
    ["PGHOST": socket, "PGPORT": port, "PGDATABASE": database, "PGUSER": "sense"]
  }

  /// Runs `sql` in `database` with psql (`-At`, stopping at the first
  /// error) and returns what it printed; a failure throws with psql's error.
  @discardableResult
  public func run(_ sql: String, in database: String) throws -> String {
    let result = try ProcessRunner.run(
      psql, ["-X", "-q", "-At", "-v", "ON_ERROR_STOP=1"],
      environment: environment(database: database).merging(["LC_ALL": "C"]) { $1 }, input: sql)
    guard result.status == 0 else {
      throw PostgresError("psql in \(database) failed: \(result.standardError)")
    }
    return result.standardOutput
  }

  /// A new database named `name`, a copy of `template` when given.
  public func createDatabase(_ name: String, from template: String? = nil) throws {
    let copy = template.map { " TEMPLATE \($0)" } ?? ""
    try run("CREATE DATABASE \(name)\(copy);", in: "postgres")
  }

  public func dropDatabase(_ name: String) throws {
    try run("DROP DATABASE IF EXISTS \(name) WITH (FORCE);", in: "postgres")
  }
}

/// Why the test PostgreSQL server is not there.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
