import Model

/// 2.0 of the step-by-step tool: the import, users first, and the cut-over.
extension Databricks {
  static let stepwiseImport2 = Phase(
    id: "import", title: "Import into the target workspace", runsOn: runsOn
  ) {
    Section("Set up") {
      configureTargetProfile
    }
    Section("Import") {
      Step(
        "import-users", "Import users and groups",
        explanation:
          "Imports the instance profiles (AWS), then the users and groups: they must exist before their notebooks, clusters and jobs.",
        admonitions: [
          .warning(
            "By default, users are notified of the new workspace and account when they are imported. To disable this, contact your Databricks account team."
          )
        ]
      ) {
        `import`("--users")
      }
      Step(
        "import-clusters", "Import cluster templates",
        explanation:
          "Imports the instance profiles (AWS), cluster policies, instance pools and cluster templates with their ACLs; a cluster whose name exists is skipped. Each cluster gets the tag `OriginalCreator`."
      ) {
        `import`("--clusters")
      }
      Step(
        "import-notebooks", "Import notebooks",
        explanation:
          "Imports every exported notebook. With ARCHIVE_MISSING yes, the notebooks of users who no longer exist go to `/Archive/`; without it the import stops if the target has fewer users than were exported."
      ) {
        `import`(
          #"--workspace "${archive[@]}""#,
          after: #"""
            archive=()
            if [[ "${ARCHIVE_MISSING}" == yes ]]; then archive=(--archive-missing); fi
            """#)
      }
      Step(
        "import-workspace-acls", "Import workspace ACLs",
        explanation: "Applies the exported notebook and directory permissions."
      ) {
        `import`("--workspace-acls")
      }
      Step(
        "import-jobs", "Import job templates",
        explanation:
          "Creates the exported jobs, paused, on the imported clusters and policies. `import_db.py --jobs` creates every exported job whatever the target holds, so before its first try the step keeps the ids of the target's jobs in EXPORT_DIR/target_job_ids_before_import.txt, and every try first deletes the target's jobs not in that list (those an earlier try created). The list is removed once the import succeeded.",
        destroys:
          "the target workspace's jobs created since this step's first try (an earlier try's copies, or any job made there by hand meanwhile)",
        admonitions: [
          .warning(
            "Until this step has completed, do not create jobs in the target workspace by hand: a re-run of the step deletes every job created there since its first try."
          )
        ]
      ) {
        `import`("--jobs", after: jobsCreatedByAnEarlierTry)
        ShellCommand(#"rm -f "${EXPORT_DIR}/target_job_ids_before_import.txt""#)
      }
      Step(
        "import-metastore", "Import the Hive Metastore",
        explanation:
          "Creates the exported databases, tables and views on a cluster (CLUSTER_NAME, or a small default one). With REPAIR_TABLES yes it then finds the legacy partitioned tables and runs `MSCK REPAIR TABLE` on each, in the same run."
      ) {
        `import`(
          #"--metastore "${metastore[@]}""#,
          after: #"""
            metastore=()
            if [[ -n "${CLUSTER_NAME}" ]]; then metastore=("${metastore[@]}" --cluster-name "${CLUSTER_NAME}"); fi
            if [[ "${REPAIR_TABLES}" == yes ]]; then metastore=("${metastore[@]}" --repair-metastore-tables); fi
            """#)
      }
      Step(
        "import-table-acls", "Import table ACLs",
        explanation: "Applies the exported GRANT and DENY statements in the target workspace.",
        enabledBy: "TABLE_ACLS"
      ) {
        `import`("--table-acls")
      }
      Step(
        "import-secrets", "Import secrets",
        explanation:
          "Recreates the secret scopes, their ACLs and every secret value from EXPORT_DIR/secret_scopes/; a scope without an exported ACL is skipped.",
        admonitions: [
          .warning(
            "When the import has completed, delete EXPORT_DIR/secret_scopes/: it holds every secret value, base64-encoded."
          )
        ],
        enabledBy: "MIGRATE_SECRETS"
      ) {
        `import`("--secrets")
      }
      Step(
        "import-mlflow", "Import MLflow experiments, their permissions and runs",
        explanation:
          "Creates the experiments, then applies their permissions, then recreates the runs, copying their artifacts from the source workspace (hence --src-profile), with checkpoints, so that a re-run continues where it stopped.",
        enabledBy: "MIGRATE_MLFLOW"
      ) {
        `import`(
          #"--src-profile "${SRC_PROFILE}" --mlflow-experiments --use-checkpoint --num-parallel "${NUM_PARALLEL}""#
        )
        `import`(
          #"--src-profile "${SRC_PROFILE}" --mlflow-experiments-permissions --use-checkpoint --num-parallel "${NUM_PARALLEL}""#
        )
        `import`(
          #"--src-profile "${SRC_PROFILE}" --mlflow-runs --use-checkpoint --num-parallel "${NUM_PARALLEL}""#
        )
      }
      Step(
        "import-groups", "Import the chosen groups",
        explanation:
          "Imports the groups of EXPORT_DIR/groups with their members, the members' home folders and their jobs.",
        enabledBy: "MIGRATE_GROUPS"
      ) {
        tool("import_db.py", profile: "DST_PROFILE", "--import-groups", exportSuffix: "/groups")
      }
      Step(
        "import-top-level", "Import the top-level notebooks",
        explanation: "Imports the notebooks of EXPORT_DIR/top-level, then their ACLs.",
        enabledBy: "MIGRATE_TOP_LEVEL"
      ) {
        tool(
          "import_db.py", profile: "DST_PROFILE", "--workspace-top-level",
          exportSuffix: "/top-level")
        tool("import_db.py", profile: "DST_PROFILE", "--workspace-acls", exportSuffix: "/top-level")
      }
    }
  }

  static let stepwiseCutOver2 = Phase(
    id: "cut-over", title: "Cut over the scheduled jobs", runsOn: runsOn
  ) {
    Section("Jobs") {
      pauseSourceJobs
      unpauseTargetJobs
      Step(
        "restore-pause-status", "Give the target's jobs the source's pause status",
        explanation:
          "Instead of unpausing every job: sets each imported job's pause status to the one it had in the source (`import_db.py --import-pause-status`), from the export's jobs.log and job_id_map.log.",
        admonitions: [
          .warning(
            "The tool resets each job to the source's full settings from jobs.log, not only its pause status: the cluster, policy and pool ids the import remapped go back to the source's."
          )
        ],
        enabledBy: "RESTORE_PAUSE_STATUS"
      ) {
        OutputCheck(
          "only one of unpausing and restoring the pause status is asked for",
          command: #"printf '%s\n' "${UNPAUSE_TARGET_JOBS}""#, expect: .equals("no"),
          failure:
            "--restore-pause-status yes and --unpause-target-jobs yes contradict each other: choose one."
        )
        `import`("--import-pause-status")
      }
    }
  }
}
