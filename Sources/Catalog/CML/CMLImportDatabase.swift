import Model

extension CML {
  static let copyingSection = Section("Copying in CDSW data") {
    Step("stop-database", "Shut down the database pod") {
      ShellCommand(#"kubectl scale statefulset -n "${NAMESPACE}" db --replicas=0"#)
      podGone("db-0")
    }
    Step(
      "create-helper-pod", "Create a helper pod with the workspace's volumes",
      explanation:
        "The pod mounts the projects volume and the database volume so that files can be copied into them.",
      cleanup: Cleanup(
        #"kubectl delete pod cml-migration-pod -n "${NAMESPACE}" --ignore-not-found"#,
        until: "delete-helper-pod")
    ) {
      FileWrite("${WORK_DIR}/cml-migration-pod.yaml", language: "yaml", content: helperPodManifest)
      ShellCommand(#"kubectl apply -f "${WORK_DIR}/cml-migration-pod.yaml""#)
      podReady("cml-migration-pod")
    }
    Step(
      "check-no-existing-projects", "Check that no project files exist on the volume",
      explanation:
        "Existing project files would get mixed in with the migrated ones. Files that this migration copied itself before it stopped (the volume's `.cdsw-archive` names this archive's checksum) are not in the way: the copy runs again over them."
    ) {
      OutputCheck(
        "the projects volume holds no project files but this archive's",
        command: #"""
          archive_id=$(cksum <"${ARCHIVE}")
          kubectl exec -i cml-migration-pod -n "${NAMESPACE}" -- sh -s "${archive_id}" <<'SH'
          if [ -d /migration/projects/projects ] && [ "$(cat /migration/projects/.cdsw-archive 2>/dev/null)" != "$1" ]; then
            find /migration/projects/projects -type f
          fi
          SH
          """#,
        expect: .empty,
        failure:
          "Project files already exist on the workspace's projects volume. The workspace must have no projects: remove them (or start from a new workspace), then carry on from this step."
      )
    }
    Step(
      "copy-archive-to-helper-pod", "Copy the archive into the helper pod and extract it",
      admonitions: [
        .note(
          "If this step fails because of memory constraints, extract the archive locally and copy in smaller batches."
        )
      ]
    ) {
      ShellCommand(
        #"""
        kubectl cp "${ARCHIVE}" "${NAMESPACE}/cml-migration-pod:/migration/backup.tar.gz"
        kubectl exec cml-migration-pod -n "${NAMESPACE}" -- mkdir -p /migration/backup
        kubectl exec cml-migration-pod -n "${NAMESPACE}" -- tar xzf /migration/backup.tar.gz -C /migration/backup
        """#)
    }
    Step(
      "copy-project-files", "Copy the project files, owned by the cdsw user",
      explanation:
        "The `cdsw` user (UID 8536) must own the files. The volume first records the archive's checksum in `.cdsw-archive`, so that a resumed import knows the files it finds there are its own."
    ) {
      ShellCommand(
        #"""
        archive_id=$(cksum <"${ARCHIVE}")
        kubectl exec -i cml-migration-pod -n "${NAMESPACE}" -- sh -c 'cat >/migration/projects/.cdsw-archive' <<<"${archive_id}"
        kubectl exec cml-migration-pod -n "${NAMESPACE}" -- cp -rf /migration/backup/projects /migration/
        kubectl exec cml-migration-pod -n "${NAMESPACE}" -- chown -R 8536:8536 /migration/projects
        """#)
    }
    Step(
      "back-up-database-files", "Keep a copy of the workspace database and copy in the dump",
      explanation:
        "The workspace's data directory is copied once to `11.cml-migrate` beside it, which makes starting over easier, and stays where the database expects it."
    ) {
      ShellCommand(
        #"""
        kubectl exec cml-migration-pod -n "${NAMESPACE}" -- sh -c 'if [ ! -e /migration/db-versioned/11.cml-migrate ]; then cp -a /migration/db-versioned/11 /migration/db-versioned/11.cml-migrate; fi'
        kubectl exec cml-migration-pod -n "${NAMESPACE}" -- cp -r /migration/backup/db.sql /migration/db-versioned/db.sql
        """#)
    }
    Step(
      "delete-helper-pod", "Delete the helper pod",
      explanation: "The database pod cannot mount its volume while the helper pod holds it."
    ) {
      ShellCommand(#"kubectl delete pod cml-migration-pod -n "${NAMESPACE}" --ignore-not-found"#)
      podGone("cml-migration-pod")
    }
  }

  static let helperPodManifest = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: cml-migration-pod
      namespace: ${NAMESPACE}
    spec:
      containers:
      - image: busybox
        volumeMounts:
        - mountPath: /migration/projects
          name: cml-migration-projects
        - mountPath: /migration/db-versioned
          name: cml-migration-db-versioned
        command: ["tail", "-f", "/dev/null"]
        imagePullPolicy: IfNotPresent
        name: busybox
      volumes:
        - name: cml-migration-projects
          persistentVolumeClaim:
            claimName: projects-pvc
        - name: cml-migration-db-versioned
          persistentVolumeClaim:
            claimName: postgres-data-versioned-db-0
      tolerations:
      - effect: NoSchedule
        key: node-role.kubernetes.io/infra
        operator: Equal
        value: "true"

    """

  static let databaseSection = Section("Database migrations and merging the CML state") {
    Step("start-database", "Restart the database") {
      ShellCommand(#"kubectl scale statefulset -n "${NAMESPACE}" db --replicas=1"#)
      podReady("db-0")
    }
    Step(
      "replace-database", "Replace the CML database with the CDSW dump",
      explanation:
        "The CDSW dump is the starting point. `IF EXISTS` lets the step run again after a failure part-way through the restore.",
      destroys: "the workspace database's public and feature_flags schemas"
    ) {
      SQLScript(
        client: psql,
        """
        DROP SCHEMA IF EXISTS public CASCADE;
        DROP SCHEMA IF EXISTS feature_flags CASCADE;
        CREATE SCHEMA public;

        """)
      ShellCommand(
        #"kubectl exec db-0 -n "${NAMESPACE}" -- bash -c 'psql -U sense -v ON_ERROR_STOP=1 < /data-versioned/db.sql'"#
      )
    }
    Step(
      "clear-quotas", "Remove existing quotas",
      explanation:
        "The quotas in the CDSW dump refer to CDSW's users and cause problems in the workspace.",
      destroys: "every custom and default quota",
      admonitions: [
        .note("Until DSE-11000 is fixed, existing quotas must be removed to avoid problems later.")
      ]
    ) {
      SQLScript(client: psql, "TRUNCATE custom_quota;\nTRUNCATE default_quota;\n")
    }
    Step(
      "rerun-db-migrations", "Re-run the db-migrations job",
      explanation:
        "This makes the schema complete and up to date. The job's manifest is saved once (without the fields the API server sets), the job is deleted by name and created again from the manifest, and the step waits for it to complete."
    ) {
      ShellCommand(
        #"""
        if [[ ! -s "${WORK_DIR}/db-migrations.yaml" ]]; then
          migration_job=$(kubectl get jobs -n "${NAMESPACE}" | awk '/^db-migrate/ { print $1 }')
          kubectl get job -n "${NAMESPACE}" "${migration_job}" -o yaml \
            | grep -v -e controller-uid -e '^  resourceVersion:' -e '^  uid:' -e '^  creationTimestamp:' \
            | sed -e '/^status:/,$d' \
            >"${WORK_DIR}/db-migrations.yaml.partial"
          mv "${WORK_DIR}/db-migrations.yaml.partial" "${WORK_DIR}/db-migrations.yaml"
        fi
        migration_job=$(awk '/^  name:/ { print $2; exit }' "${WORK_DIR}/db-migrations.yaml")
        kubectl delete job "${migration_job}" -n "${NAMESPACE}" --ignore-not-found
        kubectl apply -f "${WORK_DIR}/db-migrations.yaml" -n "${NAMESPACE}"
        """#)
      WaitCondition(
        "the db-migrations job to complete",
        until:
          #"kubectl wait --for=condition=complete "job/${migration_job}" -n "${NAMESPACE}" --timeout=5s"#,
        every: pollSeconds, timeout: timeout)
    }
    Step(
      "import-admin-user", "Re-import the saved admin into the users table",
      explanation:
        "Safe to run again: when the admin is already in the users table (the COPY took effect and the step failed after it), the COPY is not repeated, since a second one would fail on the unique username and stop every resume."
    ) {
      ShellCommand(
        #"""
        present=$(kubectl exec -i db-0 -n "${NAMESPACE}" -- psql -U sense -At -v ON_ERROR_STOP=1 -v admin="${ADMIN}" <<'SQL'
        SELECT count(*) FROM users WHERE username = :'admin';
        SQL
        )
        if [[ ${present} =~ ^[1-9] ]]; then
          echo "the admin ${ADMIN} is already in the users table; not copied again"
        else
          kubectl cp "${WORK_DIR}/users.csv" "${NAMESPACE}/db-0:/tmp/users.csv"
          csv_columns=$(head -n 1 "${WORK_DIR}/users.csv")
          kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -c "COPY users(${csv_columns}) FROM '/tmp/users.csv' DELIMITER ',' CSV HEADER"
        fi
        kubectl exec db-0 -n "${NAMESPACE}" -- rm -f /tmp/users.csv
        """#)
    }
    Step(
      "import-engine-image", "Re-import the saved default engine image",
      explanation:
        "Safe to run again: engine_images has no unique key, so a second COPY would silently add a second row; when an image with the saved repository is already there (the COPY took effect and the step failed after it), the COPY is not repeated."
    ) {
      ShellCommand(
        #"""
        saved=$(tail -n 1 "${WORK_DIR}/engine_images2.csv")
        present=$(kubectl exec -i db-0 -n "${NAMESPACE}" -- psql -U sense -At -v ON_ERROR_STOP=1 -v repository="${saved##*,}" <<'SQL'
        SELECT count(*) FROM engine_images WHERE repository = :'repository';
        SQL
        )
        if [[ ${present} =~ ^[1-9] ]]; then
          echo "an engine image from ${saved##*,} is already there; not copied again"
        else
          kubectl cp "${WORK_DIR}/engine_images2.csv" "${NAMESPACE}/db-0:/tmp/engine_images.csv"
          csv_columns=$(head -n 1 "${WORK_DIR}/engine_images2.csv")
          kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -c "COPY engine_images(${csv_columns}) FROM '/tmp/engine_images.csv' DELIMITER ',' CSV HEADER"
        fi
        kubectl exec db-0 -n "${NAMESPACE}" -- rm -f /tmp/engine_images.csv
        """#)
    }
    Step(
      "restore-site-config", "Restore the saved site_config and set the default image",
      explanation:
        "The workspace keeps its own site configuration, saved before the dump was loaded, with the saved engine image as the default.",
      destroys: "the site_config rows that came from CDSW (the workspace's saved rows replace them)"
    ) {
      ShellCommand(
        #"""
        kubectl cp "${WORK_DIR}/site_config.csv" "${NAMESPACE}/db-0:/tmp/site_config.csv"
        kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -c "TRUNCATE site_config"
        kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -c "COPY site_config FROM '/tmp/site_config.csv' DELIMITER ',' CSV HEADER"
        kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -c "UPDATE site_config SET default_engine_image_id=(SELECT MAX(id) FROM engine_images)"
        kubectl exec db-0 -n "${NAMESPACE}" -- rm /tmp/site_config.csv
        """#)
    }
  }
}
