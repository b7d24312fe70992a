import Model

/// The step-by-step editions' cut-over: the tool imports every scheduled
/// job paused, so that no job runs in both workspaces; pausing the source's
/// jobs and unpausing the target's are the operator's choice.
extension Databricks {
  static let pauseSourceJobs = Step(
    "pause-source-jobs", "Pause the source workspace's scheduled jobs",
    explanation:
      "Pauses every scheduled job of the source workspace (`export_db.py --pause-all-jobs`), so that the jobs run only in the target once it is unpaused.",
    admonitions: [
      .warning(
        "This changes the live source workspace: its scheduled jobs stop running until someone unpauses them."
      )
    ],
    enabledBy: "PAUSE_SOURCE_JOBS"
  ) {
    export("--pause-all-jobs")
  }

  static let unpauseTargetJobs = Step(
    "unpause-target-jobs", "Unpause the target workspace's scheduled jobs",
    explanation:
      "The import creates every scheduled job paused; this unpauses every scheduled job of the target workspace (`import_db.py --unpause-all-jobs`).",
    enabledBy: "UNPAUSE_TARGET_JOBS"
  ) {
    `import`("--unpause-all-jobs")
  }

  static let pauseSourceJobsParameter = Parameter(
    "PAUSE_SOURCE_JOBS",
    "yes to pause every scheduled job of the source workspace at cut-over (--pause-all-jobs).",
    default: "no", kind: .yesNo, phases: ["cut-over"])
  static let unpauseTargetJobsParameter = Parameter(
    "UNPAUSE_TARGET_JOBS",
    "yes to unpause every scheduled job of the target workspace at cut-over (--unpause-all-jobs); the import leaves them paused.",
    default: "no", kind: .yesNo, phases: ["cut-over"])
}
