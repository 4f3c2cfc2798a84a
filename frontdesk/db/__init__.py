"""Database: engine and session scope, models, migrations, backups."""
