import type Database from 'better-sqlite3';

/** Deletes every organization, contact and link (for `seed --reset`), in one transaction. */
export function clearDatabase(db: Database.Database): void {
  db.transaction(() => {
    db.exec('DELETE FROM contact_organizations; DELETE FROM contacts; DELETE FROM organizations;');
  })();
}
