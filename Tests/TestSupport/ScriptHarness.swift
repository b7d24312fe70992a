import Foundation

/// Runs a generated script with bash in a folder of its own, with stub tools
/// first on PATH. The stubs (`Stubs/stub.bash`) record every call, exactly,
/// in `calls.log` and answer by rules the test gives.
public final class ScriptHarness {
  public let folder: TemporaryFolder
  public var bin: String { folder.file("bin") }
  private var rules = ""

  /// Writes `script` as `migrate.sh` and links each of `stubs` to the stub.
  public init(script: String, stubs: [String]) throws {
    folder = try TemporaryFolder()
    try folder.write(script, to: "migrate.sh", executable: true)
    let stub = try String(contentsOfFile: Self.stubSource, encoding: .utf8)
    try folder.write(stub, to: "stub.bash", executable: true)
    try folder.write(
      try String(contentsOfFile: Self.stubFolder + "/signal.bash", encoding: .utf8),
      to: "signal.bash")
    try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
    for name in stubs { try link(name, to: folder.file("stub.bash")) }
    try FileManager.default.createDirectory(
      atPath: folder.file("files"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: folder.file("args"), withIntermediateDirectories: true)
  }

  deinit { folder.remove() }

  static let stubSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Stubs/stub.bash").path
  static let stubFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Stubs").path

  /// Puts a program named `name` in the stub folder that runs `target`.
  public func link(_ name: String, to target: String) throws {
    let path = (bin as NSString).appendingPathComponent(name)
    try? FileManager.default.removeItem(atPath: path)
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
  }

  /// Installs the tool double `Stubs/FILE` (a stub that keeps the emulated
  /// system's state under STUB_DIR and records calls as stub.bash does) as
  /// each of `names`: copied into the folder, linked into `bin`.
  public func installDouble(_ file: String, as names: [String]) throws {
    let source = URL(fileURLWithPath: Self.stubSource).deletingLastPathComponent()
      .appendingPathComponent(file).path
    try folder.write(String(contentsOfFile: source, encoding: .utf8), to: file, executable: true)
    for name in names { try link(name, to: folder.file(file)) }
  }

  /// Every file under `folder` (a path in the harness folder) with its
  /// contents, by path relative to it, sorted: the emulated system's state.
  public func tree(_ folder: String) -> [String: String] {
    let root = self.folder.file(folder)
    var files: [String: String] = [:]
    guard let paths = try? FileManager.default.subpathsOfDirectory(atPath: root) else {
      return files
    }
    for path in paths {
      var isDirectory: ObjCBool = false
      let full = (root as NSString).appendingPathComponent(path)
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      else { continue }
      files[path] = self.folder.read("\(folder)/\(path)") ?? ""
    }
    return files
  }

  /// When `tool` is called with arguments matching `glob` (joined by spaces),
  /// print `output` and exit with `status` (`"N@K"`: status K on the N-th
  /// matching call only). The first matching rule wins; `overriding` puts
  /// the rule before all others.
  public func rule(
    _ tool: String, _ glob: String, status: String = "0", output: String = "",
    overriding: Bool = false
  ) throws {
    let escaped = output.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
    let line = "\(tool)\t\(glob)\t\(status)\t\(escaped)\n"
    rules = overriding ? line + rules : rules + line
    try folder.write(rules, to: "rules")
  }

  /// Makes `tool`'s stub answer through an emulator, `Stubs/EMULATOR`, that
  /// keeps the emulated system's state (see stub.bash).
  public func emulate(_ tool: String, with emulator: String) throws {
    let source = URL(fileURLWithPath: Self.stubSource).deletingLastPathComponent()
      .appendingPathComponent(emulator).path
    try folder.write(
      try String(contentsOfFile: source, encoding: .utf8), to: "emulators/\(tool)", executable: true
    )
  }

  /// The contents `kubectl cp POD:/path/NAME local` copies out.
  public func fixture(_ name: String, _ contents: String) throws {
    try folder.write(contents, to: "files/\(name)")
  }

  /// Runs `bash migrate.sh ARGUMENTS` in the harness folder with a clean
  /// environment: PATH (stubs first, unless `path` is given), HOME, STUB_DIR
  /// and `environment`. `input` is what the operator types at the script's
  /// terminal (a controlling terminal of its own, `Stubs/with-tty.py`); with
  /// no input the script has no terminal at all. `piped` is its standard
  /// input.
  public func run(
    _ arguments: [String], input: String = "", piped: String = "",
    environment: [String: String] = [:], path: String? = nil
  ) throws -> ProcessResult {
    let env = baseEnvironment(path: path).merging(environment) { _, new in new }
    let script = [folder.file("migrate.sh")] + arguments
    if input.isEmpty {
      // As from a terminal: the test runner's children inherit SIGINT and
      // SIGTERM ignored, and an ignored signal cannot stop a wait's condition.
      return try ProcessRunner.run(
        ProcessRunner.which("env") ?? "/usr/bin/env",
        ["--default-signal=INT,TERM", ProcessRunner.bash] + script, environment: env,
        input: piped, in: folder.path)
    }
    precondition(piped.isEmpty, "a run reads either a terminal or piped input here")
    return try ProcessRunner.run(
      Self.python, [Self.terminalSource, ProcessRunner.bash] + script, environment: env,
      input: input, in: folder.path)
  }

  /// The system's python3 by absolute path: a version manager's shim would
  /// put its own folder first on the script's PATH, ahead of the stubs.
  static let python =
    FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
    ? "/usr/bin/python3" : (ProcessRunner.which("python3") ?? "python3")

  static let terminalSource = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Stubs/with-tty.py").path

  /// Starts `migrate.sh ARGUMENTS` and returns at once. Foundation starts
  /// it in a process group of its own, so a test can signal the group as a
  /// terminal would. The test runner's children inherit SIGINT and SIGTERM
  /// ignored, which bash cannot trap; `env --default-signal` gives the script
  /// the dispositions a terminal would.
  public func start(
    _ arguments: [String], input: String = "", environment: [String: String] = [:]
  ) throws -> RunningProcess {
    try ProcessRunner.start(
      ProcessRunner.which("env") ?? "/usr/bin/env",
      ["--default-signal=INT,TERM", ProcessRunner.bash, folder.file("migrate.sh")] + arguments,
      environment: baseEnvironment(path: nil).merging(environment) { _, new in new }, input: input,
      in: folder.path)
  }

  /// Waits (up to 20 s) until a recorded call contains `text`.
  public func waitForCall(containing text: String) -> Bool {
    Poll.until(within: 20) { calls.contains(where: { $0.contains(text) }) }
  }

  private func baseEnvironment(path: String?) -> [String: String] {
    [
      "PATH": path ?? "\(bin):\(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")",
      "HOME": folder.file("home"), "STUB_DIR": folder.path, "LC_ALL": "C",
    ]
  }

  /// The recorded calls, one line each (stdin lines start with `  | `).
  public var calls: [String] {
    (folder.read("calls.log") ?? "").split(separator: "\n").map(String.init)
  }

  /// The generated script's step (MIGRATE_STEP_ID) of each command call.
  public var callSteps: [String] {
    (folder.read("steps.log") ?? "").split(separator: "\n", omittingEmptySubsequences: false)
      .dropLast().map(String.init)
  }

  /// The command calls made by steps (not by preflight checks), with the
  /// harness folder written as `$DIR`, paired with their step: comparable
  /// across harnesses.
  public var stepCalls: [(call: String, step: String)] {
    zip(commandCalls, callSteps).filter { !$0.1.isEmpty }.map {
      ($0.0.replacingOccurrences(of: folder.path, with: "$DIR"), $0.1)
    }
  }

  /// Only the call lines, without recorded standard input.
  public var commandCalls: [String] { calls.filter { !$0.hasPrefix("  | ") } }

  /// The exact arguments of call number `n` (1-based), byte for byte.
  public func arguments(ofCall n: Int) -> [String]? {
    guard let data = FileManager.default.contents(atPath: folder.file("args/\(n)")) else {
      return nil
    }
    var parts = data.split(separator: 0, omittingEmptySubsequences: false).map {
      String(decoding: $0, as: UTF8.self)
    }
    if parts.last == "" { parts.removeLast() }
    return parts
  }

  /// Forgets the calls recorded so far.
  public func clearCalls() {
    try? FileManager.default.removeItem(atPath: folder.file("calls.log"))
    try? FileManager.default.removeItem(atPath: folder.file("count"))
    try? FileManager.default.removeItem(atPath: folder.file("steps.log"))
    try? FileManager.default.removeItem(atPath: folder.file("args"))
    try? FileManager.default.createDirectory(
      atPath: folder.file("args"), withIntermediateDirectories: true)
  }
}
