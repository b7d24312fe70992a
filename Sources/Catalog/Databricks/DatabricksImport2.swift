import Model

/// 2.0's import phase: the import pipeline, on the source export's session.
extension Databricks {
  static let import2 = Phase(
    id: "import", title: "Import into the target workspace", runsOn: runsOn
  ) {
    Section("Set up") {
      configureTargetProfile
    }
    Section("Import") {
      Step(
        "import-pipeline", "Import the workspace with the pipeline",
        explanation:
          "Runs every import task of the session in order, users and groups first, so that their artifacts have an owner. With --archive-missing yes, the notebooks of users who have left go to `/Archive/`.",
        admonitions: [
          .warning(
            "During the user and group import, users are notified of the new workspace and account by default. To disable this, contact your Databricks account team."
          ),
          .note(
            "Imported jobs are paused, so that no job runs in both workspaces. At cut-over, pause the old workspace's scheduled jobs (`export_db.py --profile <SRC_PROFILE> --pause-all-jobs`) and unpause the new ones (`import_db.py --profile <DST_PROFILE> --unpause-all-jobs`, or `--import-pause-status` to unpause only the jobs that were not paused in the old workspace)."
          ),
          .note(
            "If the import fails, run it again (`migrate.sh import --resume`): with --use-checkpoint it continues from the last checkpoint."
          ),
        ]
      ) {
        pipeline(
          profile: "DST_PROFILE", session: "SESSION", #"--import-pipeline "${archive[@]}""#,
          after: #"""
            archive=()
            if [[ "${ARCHIVE_MISSING}" == yes ]]; then archive=(--archive-missing); fi
            """#)
      }
    }
  }
}
