import Model

extension CML {
  static let contextSection = Section(
    "Updating the database context for the migration",
    explanation: "The statements go to psql non-interactively and stop at the first error."
  ) {
    Step(
      "pause-jobs-and-stop-applications", "Pause all jobs and mark all applications stopped",
      explanation: "Jobs are unpaused case by case after the migration."
    ) {
      SQLScript(
        client: psql, "UPDATE jobs SET paused=true;\nUPDATE applications SET status='stopped';\n")
    }
    Step(
      "make-project-slugs-unique", "Give every project a unique URL",
      explanation:
        "All projects will belong to one admin, so projects whose slugs collide get the id of their CDSW owner appended."
    ) {
      SQLScript(
        client: psql,
        "UPDATE projects SET slug = slug || '-cdsw-user-' || user_id WHERE slug IN (SELECT slug FROM projects GROUP BY slug HAVING COUNT(*) > 1);\n"
      )
    }
    Step(
      "check-new-admin", "Confirm that the newest user is the admin saved earlier",
      explanation:
        "The ownership transfer below gives everything to the user with the highest id: the admin imported above."
    ) {
      ShellCommand(
        #"kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -c "SELECT * FROM users WHERE id=(SELECT MAX(id) FROM users)""#
      )
      OutputCheck(
        "the newest user is an admin",
        command:
          #"kubectl exec db-0 -n "${NAMESPACE}" -- psql -U sense -At -c "SELECT username FROM users WHERE admin = TRUE AND id=(SELECT MAX(id) FROM users)""#,
        expect: .nonEmpty,
        failure:
          "The user with the highest id is not an admin, so the import of the saved admin went wrong: check users.csv in WORK_DIR and the import-admin-user step."
      )
    }
    Step(
      "transfer-ownership-to-admin", "Transfer every resource to the admin",
      explanation:
        "Projects, jobs, experiments, models, applications and image builds. The images the builds refer to are gone, but the references cannot easily be removed from the database yet."
    ) {
      SQLScript(
        client: psql,
        """
        UPDATE projects SET user_id=(SELECT MAX(id) FROM users), creator_id=(SELECT MAX(id) FROM users);
        UPDATE jobs SET creator_id=(SELECT MAX(id) FROM users);
        UPDATE batch_runs SET user_id=(SELECT MAX(id) FROM users);
        UPDATE models SET creator_id=(SELECT MAX(id) FROM users);
        UPDATE applications SET creator_id=(SELECT MAX(id) FROM users);
        UPDATE build_details SET user_id=(SELECT MAX(id) FROM users);
        UPDATE projects_engine_images SET engine_image_id=(SELECT MAX(id) FROM engine_images);

        """)
    }
    Step(
      "delete-irrelevant-context", "Delete context that does not apply to the new workspace",
      explanation:
        "Invitations, keys, memberships and other per-user records belong to CDSW's users, who are not migrated.",
      destroys:
        "invitations, keys, followers, notifications, licenses, memberships, ACLs, stars, billing and events of the CDSW users"
    ) {
      SQLScript(
        client: psql,
        """
        DELETE FROM invitations;
        TRUNCATE
          access_keys, authorized_keys, followers, job_notifications, kerberos,
          licenses, model_builds, model_deployments, password_resets, projects_users,
          project_invitations, organization_members, organization_invitations,
          shared_job_run_acl, shared_session_acl, ssh_keys, stars, user_billing,
          user_events, waiting, watchers;

        """)
    }
    Step(
      "list-users-to-delete", "Show the users about to be deleted",
      explanation: "Inspect this list before the next step: the new admin must not be in it."
    ) {
      SQLScript(client: psql, "SELECT * FROM users WHERE id != (SELECT MAX(id) FROM users);\n")
    }
    Step(
      "delete-previous-users", "Delete the previous users",
      explanation:
        "Users are not migrated: every resource now belongs to the admin, the newest user.",
      destroys: "every user except the admin (the users listed by the previous step)"
    ) {
      SQLScript(client: psql, "DELETE FROM users WHERE id != (SELECT MAX(id) FROM users);\n")
    }
  }
}
