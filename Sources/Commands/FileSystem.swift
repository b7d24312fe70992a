import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The CLI's only contact with the disk. A write goes to a temporary file in
/// the destination's folder, is flushed to the disk (`fsync`) and renamed
/// into place, so the destination holds either its old contents or all of
/// the new ones: a full disk or any other error leaves it untouched and
/// removes the temporary file. Only regular files are replaced: a device,
/// FIFO, socket or folder at the path is refused. A symbolic link is written
/// through: its final target is replaced, in the target's folder, and the
/// link stays a link.
enum FileSystem {
  static func write(_ contents: String, to path: String, executable: Bool) throws(CommandError) {
    let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(
        path: path, reason: "cannot create its folder \(folder.path): \(reason(error))")
    }
    let destination = try regularDestination(of: path)
    let name = (destination as NSString).lastPathComponent
    let targetFolder = (destination as NSString).deletingLastPathComponent
    var template = Array(
      ((targetFolder.isEmpty ? "." : targetFolder) + "/.\(name).XXXXXX.partial").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 8) }
    guard descriptor >= 0 else {
      throw .cannotWrite(path: path, reason: Descriptor.reason(errno))
    }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var failure = Descriptor.writeAll(contents, to: descriptor)
    if failure == nil, fchmod(descriptor, executable ? 0o755 : 0o644) != 0 {
      failure = Descriptor.reason(errno)
    }
    if failure == nil, fsync(descriptor) != 0 { failure = Descriptor.reason(errno) }
    if close(descriptor) != 0, failure == nil { failure = Descriptor.reason(errno) }
    if failure == nil, rename(temporary, destination) != 0 { failure = Descriptor.reason(errno) }
    if let failure {
      unlink(temporary)
      throw .cannotWrite(path: path, reason: failure)
    }
    syncFolder(targetFolder.isEmpty ? "." : targetFolder)
  }

  /// The regular file a write to `path` replaces (which may not exist yet):
  /// `path`, or the file its chain of symbolic links ends at.
  static func regularDestination(of path: String) throws(CommandError) -> String {
    var current = path
    for _ in 0..<32 {
      var info = stat()
      guard lstat(current, &info) == 0 else { return current }
      let type = info.st_mode & mode_t(S_IFMT)
      if type == mode_t(S_IFREG) { return current }
      guard type == mode_t(S_IFLNK) else {
        let what = describe(fileType: type)
        let prefix = current == path ? "it is" : "it links to \(current), which is"
        throw .cannotWrite(
          path: path, reason: "\(prefix) \(what), not a regular file; give the path of a file")
      }
      var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
      let count = readlink(current, &buffer, Int(PATH_MAX))
      guard count >= 0 else { throw .cannotWrite(path: path, reason: Descriptor.reason(errno)) }
      let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      current =
        target.hasPrefix("/")
        ? target
        : ((current as NSString).deletingLastPathComponent as NSString)
          .appendingPathComponent(target)
    }
    throw .cannotWrite(path: path, reason: "too many levels of symbolic links")
  }

  private static func describe(fileType type: mode_t) -> String {
    switch type {
    case mode_t(S_IFDIR): "a directory"
    case mode_t(S_IFCHR): "a character device"
    case mode_t(S_IFBLK): "a block device"
    case mode_t(S_IFIFO): "a FIFO (named pipe)"
    case mode_t(S_IFSOCK): "a socket"
    default: "an unusual kind of file"
    }
  }

  /// Flushes a folder's entries, so a rename survives a crash; best effort.
  private static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    _ = close(descriptor)
  }

  /// The bytes of the file at `path`, exactly as they are: a reader decides
  /// what invalid UTF-8 means, rather than having it replaced here.
  static func read(_ path: String) throws(CommandError) -> [UInt8] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw .cannotRead(path: path, reason: "no such file")
    }
    if isDirectory.boolValue { throw .cannotRead(path: path, reason: "it is a directory") }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .cannotRead(path: path, reason: "permission denied or unreadable")
    }
    return Array(data)
  }

  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  static func isExecutable(_ path: String) -> Bool {
    FileManager.default.isExecutableFile(atPath: path)
  }

  /// Every regular file below `folder`, as sorted relative paths; hidden
  /// files are left out.
  static func files(under folder: String) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
    var files: [String] = []
    while let path = enumerator.nextObject() as? String {
      let full = (folder as NSString).appendingPathComponent(path)
      var isDirectory: ObjCBool = false
      let hidden = path.split(separator: "/").contains { $0.hasPrefix(".") }
      if !hidden, FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files.append(path)
      }
    }
    return files.sorted()
  }

  private static func reason(_ error: any Error) -> String {
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
      underlying.domain == NSPOSIXErrorDomain,
      let code = POSIXErrorCode(rawValue: Int32(underlying.code))
    {
      return String(cString: strerror(code.rawValue))
    }
    return nsError.localizedDescription
  }
}
