import Commands
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `--output` replaces a regular file atomically or not at all, refuses
/// devices, FIFOs, sockets and folders, and writes through a symbolic link.
@Suite struct AtomicOutputTests {
  /// The names in `folder`, hidden ones included, sorted.
  static func names(_ folder: String) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
  }

  @Test func aFailedWriteLeavesTheDestinationAndNoTemporaryFile() throws {
    let input = try TemporaryFolder()
    let folder = try TemporaryFolder()
    defer {
      input.remove()
      folder.remove()
    }
    // A runbook of about 240 KiB under a file size limit of 64 KiB: lint's
    // scratch files are small and pass, the runbook cannot be written.
    let long = String(repeating: "Long. ", count: 40_000)
    try input.write(
      try StrictDecodingTests.edited(
        replacing: "\"summary\" : \"One step.\"", with: "\"summary\" : \"\(long)\""),
      to: "long.json")
    try folder.write("previous\n", to: "README.md")
    let result = try BuiltTool.run(
      [
        "render", input.file("long.json"), "--format", "markdown", "--output",
        folder.file("README.md"),
      ],
      before: "ulimit -f 64")
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "gen-migration: cannot write \(folder.file("README.md")): File too large\n")
    #expect(folder.read("README.md") == "previous\n")
    #expect(try Self.names(folder.path) == ["README.md"])
  }

  @Test func aSuccessfulWriteLeavesOnlyTheDestination() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("previous\n", to: "migrate.sh")
    let result = GenMigration.run(["render", "cml", "--output", folder.file("migrate.sh")])
    #expect(result.status == 0)
    #expect(folder.read("migrate.sh") == GenMigration.run(["render", "cml"]).standardOutput)
    #expect(try Self.names(folder.path) == ["migrate.sh"])
  }

  @Test func outputRefusesACharacterDevice() {
    let result = GenMigration.run(["render", "cml", "--output", "/dev/null"])
    #expect(result.status == 2)
    #expect(
      result.standardError
        == "gen-migration: cannot write /dev/null: it is a character device, not a regular file; give the path of a file\n"
    )
  }

  /// A block device to refuse, if the machine has one.
  static let blockDevice = ["/dev/loop0", "/dev/sda", "/dev/vda", "/dev/nvme0n1"].first {
    var info = stat()
    return lstat($0, &info) == 0 && info.st_mode & mode_t(S_IFMT) == mode_t(S_IFBLK)
  }

  @Test(.enabled(if: blockDevice != nil, "no block device on this machine"))
  func outputRefusesABlockDevice() throws {
    let device = try #require(Self.blockDevice)
    let result = GenMigration.run(["render", "cml", "--output", device])
    #expect(result.status == 2)
    #expect(result.standardError.contains("cannot write \(device): it is a block device"))
  }

  @Test func outputRefusesAFIFOAndLeavesIt() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    #expect(mkfifo(folder.file("fifo"), 0o644) == 0)
    let result = GenMigration.run(["render", "cml", "--output", folder.file("fifo")])
    #expect(result.status == 2)
    #expect(
      result.standardError.contains(
        "cannot write \(folder.file("fifo")): it is a FIFO (named pipe), not a regular file"))
    var info = stat()
    #expect(lstat(folder.file("fifo"), &info) == 0)
    #expect(info.st_mode & mode_t(S_IFMT) == mode_t(S_IFIFO))
    #expect(try Self.names(folder.path) == ["fifo"])
  }

  @Test func outputRefusesASocket() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let path = folder.file("socket")
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      buffer.copyBytes(from: Array(path.utf8).prefix(buffer.count - 1))
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
      }
    }
    try #require(bound == 0)
    let result = GenMigration.run(["render", "cml", "--output", path])
    #expect(result.status == 2)
    #expect(
      result.standardError.contains("cannot write \(path): it is a socket, not a regular file"))
  }

  @Test func outputRefusesAFolder() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let result = GenMigration.run(["render", "cml", "--output", folder.path])
    #expect(result.status == 2)
    #expect(result.standardError.contains("cannot write \(folder.path): it is a directory"))
  }

  @Test func outputThroughASymlinkReplacesItsTargetAndKeepsTheLink() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try folder.write("old\n", to: "shared/migrate.sh")
    try FileManager.default.createDirectory(
      atPath: folder.file("out"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("out/migrate.sh"), withDestinationPath: "../shared/migrate.sh")
    let result = GenMigration.run(["render", "cml", "--output", folder.file("out/migrate.sh")])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: folder.file("out/migrate.sh"))
        == "../shared/migrate.sh")
    #expect(folder.read("shared/migrate.sh") == GenMigration.run(["render", "cml"]).standardOutput)
    let attributes = try FileManager.default.attributesOfItem(
      atPath: folder.file("shared/migrate.sh"))
    #expect((attributes[.posixPermissions] as? Int) == 0o755)
    #expect(try Self.names(folder.file("out")) == ["migrate.sh"])
    #expect(try Self.names(folder.file("shared")) == ["migrate.sh"])
  }

  @Test func aDanglingSymlinkIsWrittenThroughToItsTarget() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("link.sh"), withDestinationPath: "target.sh")
    let result = GenMigration.run(["render", "cml", "--output", folder.file("link.sh")])
    #expect(result.status == 0, "\(result.standardError)")
    #expect(folder.read("target.sh") == GenMigration.run(["render", "cml"]).standardOutput)
    #expect(try Self.names(folder.path) == ["link.sh", "target.sh"])
  }

  @Test func aSymlinkToADeviceIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("out.sh"), withDestinationPath: "/dev/null")
    let result = GenMigration.run(["render", "cml", "--output", folder.file("out.sh")])
    #expect(result.status == 2)
    #expect(
      result.standardError.contains(
        "cannot write \(folder.file("out.sh")): it links to /dev/null, which is a character device")
    )
  }

  @Test func aSymlinkLoopIsRefused() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("a.sh"), withDestinationPath: "b.sh")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("b.sh"), withDestinationPath: "a.sh")
    let result = GenMigration.run(["render", "cml", "--output", folder.file("a.sh")])
    #expect(result.status == 2)
    #expect(result.standardError.contains("too many levels of symbolic links"))
  }
}
