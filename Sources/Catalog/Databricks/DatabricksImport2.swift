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
        "confirm-import-source", "Confirm the source and target of the import",
        explanation:
          "The pipeline would ask \"Import from `SOURCE` into `TARGET`? (y/N)\" on every run, resumes included, and die on EOFError without a terminal; the script asks once, here, and runs the pipeline with --no-prompt. The source is the URL the export recorded in EXPORT_DIR/SESSION/source_info.txt."
      ) {
        ShellCommand(
          #"printf 'Import from %s into the workspace of profile %s.\n' "$(head -n 1 "${EXPORT_DIR}/${SESSION}/source_info.txt")" "${DST_PROFILE}""#
        )
        ManualInstruction(
          "Check that the workspace printed above is the source of this migration and that DST_PROFILE names the target, then type done.",
          verification: OutputCheck(
            "the session's export recorded its source, and it is not the target",
            command:
              #"source_url=$(head -n 1 "${EXPORT_DIR}/${SESSION}/source_info.txt"); target_url=$(awk -v p="[${DST_PROFILE}]" '$0 == p { found = 1; next } /^\[/ { found = 0 } found && $1 == "host" { print $3 }' "${HOME}/.databrickscfg"); if [[ -n "${source_url}" && "${source_url%/}" != "${target_url%/}" ]]; then echo ok; fi"#,
            expect: .equals("ok"),
            failure:
              "EXPORT_DIR/SESSION/source_info.txt is missing or names the target workspace itself: export the source first, or check --dst-profile."
          ))
      }
      Step(
        "import-pipeline", "Import the workspace with the pipeline",
        explanation:
          "Runs every import task of the session in order, users and groups first, so that their artifacts have an owner. With --archive-missing yes, the notebooks of users who have left go to `/Archive/`.",
        admonitions: [
          .warning(
            "During the user and group import, users are notified of the new workspace and account by default. To disable this, contact your Databricks account team."
          ),
          .note(
            "Imported jobs are paused, so that no job runs in both workspaces. At cut-over, in TOOL_DIR, pause the old workspace's scheduled jobs (`python3 export_db.py --profile <SRC_PROFILE> --pause-all-jobs`) and unpause the new ones (`python3 import_db.py --profile <DST_PROFILE> --unpause-all-jobs`), adding --azure or --gcp on those clouds. `python3 import_db.py --profile <DST_PROFILE> --set-export-dir <EXPORT_DIR> --session <SESSION> --import-pause-status` instead gives each job the source's pause status, but it resets each job to the source's whole settings (the remapped cluster, policy and pool ids included) and needs a job_id_map.log naming every job, which a resumed import does not write."
          ),
          .note(
            "If the import fails, run it again (`migrate.sh import --resume`): with --use-checkpoint it continues from the last checkpoint."
          ),
        ]
      ) {
        pipeline(
          profile: "DST_PROFILE", session: "SESSION",
          #"--import-pipeline --no-prompt "${archive[@]}""#,
          after: #"""
            archive=()
            if [[ "${ARCHIVE_MISSING}" == yes ]]; then archive=(--archive-missing); fi
            """#)
      }
    }
  }
}
