import Model

/// 1.0's import phase: `import_db.py` once per component, users first so that
/// their artifacts have an owner.
extension Databricks {
  static func `import`(_ arguments: String, after prelude: String = "") -> ShellCommand {
    tool("import_db.py", profile: "DST_PROFILE", arguments, after: prelude)
  }

  static let import1 = Phase(
    id: "import", title: "Import into the target workspace", runsOn: runsOn
  ) {
    Section("Set up") {
      configureTargetProfile
    }
    Section("Import") {
      Step(
        "import-users", "Import users and groups",
        explanation:
          "Users must exist before their artifacts (notebooks, clusters, jobs) are loaded.",
        admonitions: [
          .warning(
            "During the user and group import, users are notified of the new workspace and account; they need this to set up their credentials for the new workspace."
          ),
          .note(
            "Instance profiles (AWS only): group access to instance profiles takes precedence. A user who has access both directly and through a group is granted only the group's access."
          ),
        ]
      ) {
        `import`("--users")
      }
      Step(
        "import-clusters", "Import cluster templates",
        explanation:
          "Imports the cluster templates, instance pools and cluster policies with their ACLs.",
        admonitions: [
          .note(
            "The admin who runs the migration is seen as the creator of every cluster (relevant for billing). Creator tags cannot be updated, so each cluster gets a custom tag `OriginalCreator` with its original creator for DBU tracking."
          )
        ]
      ) {
        `import`("--clusters")
      }
      Step(
        "import-notebooks", "Import notebooks",
        explanation:
          "Imports every exported notebook. With --archive-missing yes, the notebooks of users who have left the organization go to `/Archive/<username>@domain.com`."
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
        explanation: "Applies the exported permissions to the imported workspace objects."
      ) {
        `import`("--workspace-acls")
      }
      Step(
        "import-jobs", "Import job templates",
        explanation:
          "Imports the job configurations with their ACLs. `import_db.py --jobs` creates every exported job, whatever the target already holds, so running it again would create each job again. Before its first try the step therefore keeps the ids of the target's jobs in EXPORT_DIR/target_job_ids_before_import.txt; every try first deletes the target's jobs that are not in that list (those an earlier, failed try created), then imports. The list is removed once the import succeeded.",
        destroys:
          "the target workspace's jobs created since this step's first try (an earlier try's copies, or any job made there by hand meanwhile)",
        admonitions: [
          .note(
            "The admin who runs the migration is seen as the owner of every job (relevant for billing). Jobs whose cluster no longer exists are reset to the default cluster type; jobs on older legacy instances fail with unsupported DBR or instance types."
          ),
          .warning(
            "Until this step has completed, do not create jobs in the target workspace by hand: a re-run of the step deletes every job created there since its first try."
          ),
        ]
      ) {
        `import`("--jobs", after: jobsCreatedByAnEarlierTry)
        ShellCommand(#"rm -f "${EXPORT_DIR}/target_job_ids_before_import.txt""#)
      }
      Step(
        "import-metastore", "Import the Hive Metastore",
        explanation:
          "Runs Spark commands on a cluster (the one named by --cluster-name, or a small default one) to create the exported table definitions."
      ) {
        `import`(
          #"--metastore "${metastore[@]}""#,
          after: #"""
            metastore=()
            if [[ -n "${CLUSTER_NAME}" ]]; then metastore=("${metastore[@]}" --cluster-name "${CLUSTER_NAME}"); fi
            """#)
      }
    }
  }

  /// Deletes the target's jobs that an earlier try of import-jobs created:
  /// the tool's import creates every job again when run twice.
  static let jobsCreatedByAnEarlierTry = #"""
    before="${EXPORT_DIR}/target_job_ids_before_import.txt"
    if [[ ! -f "${before}" ]]; then
      databricks jobs list --profile "${DST_PROFILE}" | awk '$1 ~ /^[0-9]+$/ { print $1 }' >"${before}.partial"
      mv "${before}.partial" "${before}"
    fi
    jobs_now=$(databricks jobs list --profile "${DST_PROFILE}" | awk '$1 ~ /^[0-9]+$/ { print $1 }')
    for job_id in ${jobs_now}; do
      if ! grep -qxF -- "${job_id}" "${before}"; then databricks jobs delete --job-id "${job_id}" --profile "${DST_PROFILE}"; fi
    done
    """#
}
