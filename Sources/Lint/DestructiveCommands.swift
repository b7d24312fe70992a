import Model

/// The shell commands that destroy something, as a table of shapes: a
/// program and what its arguments must show. `kubectl delete pvc data`,
/// `helm uninstall db`, `rm -rf dir`, `dd of=/dev/sdb`, `aws s3 rm`,
/// `gsutil rm`, `psql -c "DROP TABLE t"`, `pachctl delete repo`,
/// `databricks jobs delete` all match; `kubectl delete pod` and `kubectl
/// delete job` do not (a pod of a controller comes back, a job is the
/// procedure's own run), unless `--all` widens them. Commands inside `$(...)`
/// and behind `xargs`, `env` or `timeout` count: `ShellText.invocations`
/// lists them.
enum DestructiveCommands {
  /// One shape: the program, and from its unquoted arguments the name of the
  /// destruction (`kubectl delete namespace`), or nil when it does not match.
  struct Shape: Sendable {
    var program: String
    var match: @Sendable (_ arguments: [String]) -> String?
  }

  static let shapes: [Shape] = [
    Shape(program: "kubectl") { arguments in
      guard let delete = arguments.firstIndex(of: "delete") else { return nil }
      let rest = arguments[(delete + 1)...]
      let wide = rest.first { ["--all", "-A", "--all-namespaces"].contains($0) }
      let kinds = rest.filter { !$0.hasPrefix("-") }.prefix(1).flatMap {
        $0.split(separator: ",").map { $0.split(separator: "/").first.map(String.init) ?? "" }
      }
      let transient: Set<String> = ["pod", "pods", "po", "job", "jobs", "job.batch"]
      if wide == nil, !kinds.isEmpty, kinds.allSatisfy(transient.contains) { return nil }
      return (["kubectl delete"] + kinds.prefix(1) + (wide.map { [$0] } ?? [])).joined(
        separator: " ")
    },
    Shape(program: "helm") { arguments in
      arguments.first { ["uninstall", "delete", "del", "un"].contains($0) }.map { "helm \($0)" }
    },
    Shape(program: "rm") { arguments in
      arguments.contains { word in
        word == "--recursive"
          || (word.hasPrefix("-") && !word.hasPrefix("--")
            && word.contains { $0 == "r" || $0 == "R" })
      } ? "rm -r" : nil
    },
    Shape(program: "dd") { arguments in
      arguments.contains { $0.hasPrefix("of=") } ? "dd of=" : nil
    },
    Shape(program: "aws") { arguments in
      if let s3 = arguments.firstIndex(of: "s3"), s3 + 1 < arguments.count,
        ["rm", "rb"].contains(arguments[s3 + 1])
      {
        return "aws s3 \(arguments[s3 + 1])"
      }
      if let s3api = arguments.firstIndex(of: "s3api"), s3api + 1 < arguments.count,
        arguments[s3api + 1].hasPrefix("delete-")
      {
        return "aws s3api \(arguments[s3api + 1])"
      }
      return nil
    },
    Shape(program: "gsutil") { arguments in
      arguments.first { ["rm", "rb"].contains($0) }.map { "gsutil \($0)" }
    },
    Shape(program: "psql") { sqlOption(["-c", "--command"], "psql", $0) },
    Shape(program: "mysql") { sqlOption(["-e", "--execute"], "mysql", $0) },
    Shape(program: "pachctl") { arguments in
      arguments.first { $0 == "delete" }.map { _ in
        (["pachctl delete"] + arguments.drop { $0 != "delete" }.dropFirst().prefix(1)).joined(
          separator: " ")
      }
    },
    Shape(program: "databricks") { arguments in
      guard let delete = arguments.firstIndex(where: { $0 == "delete" || $0.hasSuffix("-delete") })
      else { return nil }
      return (["databricks"] + arguments[...delete].filter { !$0.hasPrefix("-") }).joined(
        separator: " ")
    },
  ]

  /// The SQL given to `-c`/`--command` (or `-e` for mysql), when it drops,
  /// truncates or deletes, in any case.
  static func sqlOption(_ options: [String], _ program: String, _ arguments: [String]) -> String? {
    var sql: [String] = []
    for (index, word) in arguments.enumerated() {
      if options.contains(word), index + 1 < arguments.count {
        sql.append(arguments[index + 1])
      } else if let option = options.first(where: { word.hasPrefix($0 + "=") }) {
        sql.append(String(word.dropFirst(option.count + 1)))
      }
    }
    let keywords = Set(sql.flatMap { SQLText.destructiveKeywords(in: $0, anyCase: true) })
    return keywords.isEmpty ? nil : "\(program) \(keywords.sorted().joined(separator: ", "))"
  }

  /// The destructive commands a piece of shell text runs, by name.
  static func found(in text: String) -> [String] {
    ShellText(text).invocations.compactMap { invocation in
      let arguments = invocation.arguments.map(ShellText.unquoted)
      let program = invocation.program.split(separator: "/").last.map(String.init) ?? ""
      return shapes.lazy.filter { $0.program == program }.compactMap { $0.match(arguments) }.first
    }
  }
}
