/// What undoes a step when the run stops early: a shell command run at exit
/// (after a failure or an interrupt) while the step's effect is still in
/// place, that is, after the step started and before the `until` step
/// completed (or to the end of the run when `until` is nil).
///
/// For example the helper pod is deleted at exit between
/// `create-helper-pod` and `delete-helper-pod`:
/// `kubectl delete pod cml-migration-pod -n "${NAMESPACE}" --ignore-not-found`.
/// A cleanup undoes its step and the steps completed inside its scope: the
/// script records them as undone before the cleanup acts, so a resumed run
/// runs them again even when the run dies while the cleanup is under way.
public struct Cleanup: Codable, Equatable, Sendable {
  public var command: String
  /// The id of the step whose completion makes the cleanup unnecessary.
  public var until: String?

  public init(_ command: String, until: String? = nil) {
    self.command = command
    self.until = until
  }
}

/// Tries a step up to `attempts` times, `delaySeconds` apart; each try is
/// logged. For example `Retry(attempts: 3, delaySeconds: 10)`.
public struct Retry: Codable, Equatable, Sendable {
  public var attempts: Int
  public var delaySeconds: Int

  public init(attempts: Int, delaySeconds: Int) {
    self.attempts = attempts
    self.delaySeconds = delaySeconds
  }
}
