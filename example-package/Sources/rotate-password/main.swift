import GenMigrationKit
import PasswordRotation

// rotate-password list | render ID | generate | check | lint | diff A B | ...
GenMigrationKit.main(procedures: [RotatePostgresPassword.version1])
