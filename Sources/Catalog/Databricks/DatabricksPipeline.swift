import Model

/// 2.0's pipeline: `migration_pipeline.py` with the recommended retry and
/// parallelism settings, checkpointed under a named session.
extension Databricks {
  static func pipeline(
    profile: String, session: String, _ arguments: String, after prelude: String = ""
  ) -> ShellCommand {
    tool(
      "migration_pipeline.py", profile: profile,
      #"--session "${\#(session)}" --use-checkpoint --num-parallel "${NUM_PARALLEL}" --retry-total "${RETRY_TOTAL}" --retry-backoff "${RETRY_BACKOFF}" "#
        + arguments,
      after: prelude)
  }

  static let session = Parameter(
    "SESSION",
    "Session id of the source export (--session): the pipeline exports to EXPORT_DIR/SESSION and resumes from that session's checkpoint when run again; the import reads it.",
    required: true)
  static let numParallel = Parameter(
    "NUM_PARALLEL",
    "Parallel threads of the pipeline (--num-parallel); lower it if API limits are hit.",
    default: "8", kind: .integer)
  static let retryTotal = Parameter(
    "RETRY_TOTAL", "Total retries of each Databricks API call (--retry-total).", default: "30",
    kind: .integer)
  static let retryBackoff = Parameter(
    "RETRY_BACKOFF",
    "Backoff factor between API retries (--retry-backoff); raise it if API limits are hit.",
    default: "1.0")
}
