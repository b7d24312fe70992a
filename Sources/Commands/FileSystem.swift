import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The CLI's only contact with the disk. Writes go to a temporary file in the
/// destination's folder and are renamed into place, so an existing good file
/// is never replaced by a partial one.
enum FileSystem {
  static func write(_ contents: String, to path: String, executable: Bool) throws(CommandError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw .cannotWrite(
        path: path, reason: "cannot create its folder \(folder.path): \(reason(error))")
    }
    let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
    do {
      try Data(contents.utf8).write(to: temporary)
      try FileManager.default.setAttributes(
        [.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: temporary.path)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw .cannotWrite(path: path, reason: reason(error))
    }
    if rename(temporary.path, url.path) != 0 {
      let message = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temporary)
      throw .cannotWrite(path: path, reason: message)
    }
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
