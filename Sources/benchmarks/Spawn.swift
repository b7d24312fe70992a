#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Starts a program the way a shell or `hyperfine -N` does, and times it
/// from outside: `posix_spawn` of the executable with the given arguments
/// and environment, stdin, stdout and stderr on `/dev/null`, wall clock
/// (`CLOCK_MONOTONIC`) from just before the spawn to the return of
/// `waitpid`. Every side of a comparison is started through here, so the
/// harness costs each of them the same few hundred microseconds.
enum Spawn {
  struct Failed: Error, CustomStringConvertible {
    let command: [String]
    let status: Int32
    var description: String { "\(command.joined(separator: " ")) exited with \(status)" }
  }

  /// Wall time of one run of `executable arguments...`, in seconds; throws
  /// unless it exits 0.
  static func seconds(_ executable: String, _ arguments: [String], environment: [String: String])
    throws -> Double
  {
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp =
      environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [0, 1, 2] {
      posix_spawn_file_actions_addopen(
        &actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    var pid: pid_t = 0
    var start = timespec()
    var end = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw Failed(command: [executable] + arguments, status: -spawned) }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    clock_gettime(CLOCK_MONOTONIC, &end)
    guard status == 0 else { throw Failed(command: [executable] + arguments, status: status) }
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
  }
}
