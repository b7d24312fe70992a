import Model

extension CML {
  /// psql in the workspace's database pod, reading SQL on standard input and
  /// stopping at the first error.
  static let psql = #"kubectl exec -i db-0 -n "${NAMESPACE}" -- psql -U sense -v ON_ERROR_STOP=1"#

  static func podGone(_ pod: String) -> WaitCondition {
    WaitCondition(
      "the \(pod) pod to be gone",
      until:
        #"pods=$(kubectl get pod \#(pod) -n "${NAMESPACE}" --ignore-not-found -o name) && [[ -z "${pods}" ]]"#,
      every: pollSeconds, timeout: timeout)
  }

  static func podReady(_ pod: String) -> WaitCondition {
    WaitCondition(
      "the \(pod) pod to be ready",
      until: #"kubectl wait --for=condition=Ready "pod/\#(pod)" -n "${NAMESPACE}" --timeout=5s"#,
      every: pollSeconds, timeout: timeout)
  }

  static let importPhase = Phase(
    id: "import", title: "Import into the CML workspace",
    runsOn: "a machine with the exported archive and the workspace's kubeconfig",
    summary:
      "Saves the workspace's own configuration, default engine image and admin, copies the CDSW files and database into the workspace, re-runs the database migrations, merges the saved state back and hands every resource to the admin.",
    preflight: [kubectlReachesCluster]
  ) {
    Section(
      "Checks before anything changes",
      explanation:
        "Nothing is scaled down until the workspace has an admin and the archive looks right."
    ) {
      Step("check-workspace-admin", "Check that the workspace has an admin") {
        OutputCheck(
          "an admin has logged in",
          command:
            #"kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -At -c "SELECT username FROM users WHERE admin = TRUE""#,
          expect: .nonEmpty,
          failure:
            "No admin has logged in to the workspace yet. Have the admin who will own the migrated resources log in once, then run the import again."
        )
      }
      Step("check-archive", "Check the archive from CDSW") {
        OutputCheck(
          "the archive holds db.sql and projects/",
          command: #"tar -tzf "${ARCHIVE}" | cut -d/ -f1 | sort -u"#,
          expect: .equals("db.sql\nprojects"),
          failure:
            "The archive must hold exactly db.sql and projects/ at its top level, as the export writes it: check that ARCHIVE names the archive from the export."
        )
      }
      Step(
        "save-workspace-replicas", "Record the replica counts of the workspace's database clients"
      ) {
        saveReplicas(
          of: workspaceClients, to: "workspace-replicas.txt", namespace: #" -n "${NAMESPACE}""#)
      }
    }
    Section("Saving CML data") {
      Step(
        "stop-database-clients", "Shut down the pods that talk to the database",
        admonitions: [
          .warning("The workspace is unavailable to its users from here until the last step.")
        ]
      ) {
        scaleDown(workspaceClients, namespace: #" -n "${NAMESPACE}""#)
        podsGone(workspaceClients, namespace: #" -n "${NAMESPACE}""#)
      }
      Step("save-site-config", "Save the site_config table") {
        ShellCommand(
          #"""
          kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -c "COPY (SELECT * FROM site_config) TO '/tmp/site_config.csv' DELIMITER ',' CSV HEADER"
          kubectl cp "${NAMESPACE}/db-0:/tmp/site_config.csv" "${WORK_DIR}/site_config.csv"
          """#)
      }
      Step(
        "save-default-engine-image", "Save the current default engine image",
        explanation:
          "The newest row of `engine_images`, without its `id` column, so that it gets a new id when it is imported."
      ) {
        ShellCommand(
          #"""
          kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -c "COPY (SELECT * FROM engine_images WHERE id=(SELECT MAX(id) FROM engine_images)) TO '/tmp/engine_images.csv' DELIMITER ',' CSV HEADER"
          kubectl cp "${NAMESPACE}/db-0:/tmp/engine_images.csv" "${WORK_DIR}/engine_images1.csv"
          head -n 1 "${WORK_DIR}/engine_images1.csv" | sed -e 's/^id,//' >"${WORK_DIR}/engine_images2.csv"
          tail -n +2 "${WORK_DIR}/engine_images1.csv" | sed -e 's/^[0-9][0-9]*,//' >>"${WORK_DIR}/engine_images2.csv"
          """#)
      }
      Step(
        "save-admin-user", "Save the admin who will own the migrated resources",
        explanation:
          "Exactly one admin is saved, without the `id` column: the admin named by `ADMIN`, or the only admin. It must be an admin who has logged in; if the one you want is missing, have them log in and run this step again. This admin will own every project and resource loaded into the workspace."
      ) {
        Choice(
          "the admin who will own the migrated resources", into: "ADMIN",
          from:
            #"kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -At -c "SELECT username FROM users WHERE admin = TRUE ORDER BY username""#
        )
        SQLScript(
          client: psql + #" -v admin="${ADMIN}""#,
          "COPY (SELECT * FROM users WHERE admin = TRUE AND username = :'admin') TO '/tmp/users.csv' DELIMITER ',' CSV HEADER;\n"
        )
        ShellCommand(
          #"""
          kubectl cp "${NAMESPACE}/db-0:/tmp/users.csv" "${WORK_DIR}/users-with-id.csv"
          head -n 1 "${WORK_DIR}/users-with-id.csv" | sed -e 's/^id,//' >"${WORK_DIR}/users.csv"
          tail -n +2 "${WORK_DIR}/users-with-id.csv" | sed -e 's/^[0-9][0-9]*,//' >>"${WORK_DIR}/users.csv"
          """#)
        OutputCheck(
          "users.csv holds exactly one user",
          command: #"awk 'END { print NR }' "${WORK_DIR}/users.csv""#, expect: .equals("2"),
          failure: "users.csv must hold a header and exactly one admin.")
      }
    }
    copyingSection
    databaseSection
    contextSection
    Section("Starting services back up") {
      Step(
        "reset-database-password", "Reset the database password and restart the database",
        explanation:
          "The restored dump carries CDSW's password for `sense`; the workspace's services expect the one in the pod's `POSTGRES_PASSWORD`, which is read inside the pod and never printed."
      ) {
        ShellCommand(
          #"""
          kubectl exec db-0 -n "${NAMESPACE}" -- bash -c "psql -U sense -c \"ALTER USER sense WITH PASSWORD '\$(echo \${POSTGRES_PASSWORD})'\""
          kubectl delete pod db-0 -n "${NAMESPACE}"
          """#)
        podReady("db-0")
      }
      Step("start-services", "Scale the workspace's services back up") {
        restoreReplicas(from: "workspace-replicas.txt", namespace: #" -n "${NAMESPACE}""#)
        available(workspaceClients, namespace: #" -n "${NAMESPACE}""#)
      }
    }
    Section(
      "Clean up",
      admonitions: [
        .note(
          "Once the migration is complete and successful, you may remove the working directory with `rm -r \"${WORK_DIR}\"`. The script leaves it in place: it holds the saved tables and replica counts, and the database copy `11.cml-migrate` stays on the volume."
        )
      ]
    ) {}
  }
}
