/// A shell command, run as written by bash in the script and shown in a
/// `bash` block in the runbook. Parameters are read as `"${NAMESPACE}"`.
///
/// For example: `kubectl scale statefulset -n "${NAMESPACE}" db --replicas=0`.
public struct ShellCommand: Codable, Equatable, Sendable {
  public var command: String
  public init(_ command: String) { self.command = command }
}

/// SQL sent on standard input to a client command that reads it, e.g.
/// `kubectl exec -i db-0 -n "${NAMESPACE}" -- psql -U sense -v ON_ERROR_STOP=1`.
/// The script feeds the statements through a quoted here-document, so nothing
/// in them is expanded by the shell; the runbook shows them in a `sql` block.
public struct SQLScript: Codable, Equatable, Sendable {
  public var client: String
  public var statements: String
  public init(client: String, _ statements: String) {
    self.client = client
    self.statements = statements
  }
}

/// A file written from inline content, e.g. the helper pod's YAML manifest.
/// The script writes it with `cat >"PATH" <<EOF`.
/// `${PARAMETER}` references in the content are replaced by their values;
/// everything else is written byte for byte.
public struct FileWrite: Codable, Equatable, Sendable {
  /// Where to write: a path in which `${PARAMETER}` references expand, e.g.
  /// `${WORK_DIR}/cml-migration-pod.yaml`.
  public var path: String
  /// The language of the content for the runbook's code block, e.g. `yaml`.
  public var language: String
  public var content: String
  public init(_ path: String, language: String, content: String) {
    self.path = path
    self.language = language
    self.content = content
  }
}

/// An instruction only a person can carry out. The script prints it and
/// waits for the operator to type `done`; under `--yes` it runs the
/// verification, if there is one, and stops when there is none or it fails.
public struct ManualInstruction: Codable, Equatable, Sendable {
  public var instruction: String
  public var verification: OutputCheck?
  public init(_ instruction: String, verification: OutputCheck? = nil) {
    self.instruction = instruction
    self.verification = verification
  }
}

/// Polls a condition until it holds, giving up after a timeout.
///
/// For example: until `kubectl wait --for=condition=Ready pod/db-0 --timeout=5s`
/// succeeds, every 5 seconds, for at most `${WAIT_TIMEOUT}` seconds.
public struct WaitCondition: Codable, Equatable, Sendable {
  /// What is awaited, completing "Waiting for ...": "the db-0 pod to be ready".
  public var description: String
  /// A shell command that succeeds once the condition holds.
  public var condition: String
  public var intervalSeconds: Int
  /// Whole seconds, or a parameter reference such as `${WAIT_TIMEOUT}`. In
  /// JSON whole seconds are a number (`600`), a reference a string.
  public var timeoutSeconds: String

  public init(
    _ description: String, until condition: String, every intervalSeconds: Int = 5,
    timeout timeoutSeconds: String
  ) {
    self.description = description
    self.condition = condition
    self.intervalSeconds = intervalSeconds
    self.timeoutSeconds = timeoutSeconds
  }
}

/// Runs a command and checks what it prints. A mismatch fails the step with
/// `failure`, which says what is wrong and what to do.
///
/// For example: `find /migration/projects/projects -type f` must print nothing.
public struct OutputCheck: Codable, Equatable, Sendable {
  public var description: String
  public var command: String
  public var expectation: Expectation
  public var failure: String

  public init(
    _ description: String, command: String, expect expectation: Expectation, failure: String
  ) {
    self.description = description
    self.command = command
    self.expectation = expectation
    self.failure = failure
  }
}

/// Picks exactly one value from the lines a command prints, into a parameter:
/// the value given for the parameter (which must be among the candidates),
/// or the only candidate, or the operator's choice. Under `--yes` with several
/// candidates and none named, the script stops and lists them.
///
/// For example: the admin who will own the migrated projects.
public struct Choice: Codable, Equatable, Sendable {
  /// What is chosen, e.g. "the admin who will own the migrated resources".
  public var description: String
  /// The parameter that names the choice and receives it, e.g. `ADMIN`.
  public var parameter: String
  /// A shell command that prints one candidate per line.
  public var candidates: String

  public init(_ description: String, into parameter: String, from candidates: String) {
    self.description = description
    self.parameter = parameter
    self.candidates = candidates
  }
}
