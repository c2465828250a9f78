//! Database connections. SQLite gets one writer connection and a small read
//! pool (WAL lets readers run beside the writer), so a request never fails with
//! "database is locked": writers queue for the single connection instead of
//! racing for SQLite's lock. PostgreSQL gets one pool used for both.

use std::{path::Path, time::Duration};

use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbBackend, DbErr};
use sea_orm_migration::MigratorTrait;

/// The connections a request or job uses.
#[derive(Clone, Debug)]
pub struct Db {
    /// For reads. On SQLite a pool beside the writer; on PostgreSQL the one pool.
    pub read: DatabaseConnection,
    /// For anything that writes (and reads that must see the latest write).
    pub write: DatabaseConnection,
}

impl Db {
    /// Connects to `url` (sqlite:// or postgres://).
    pub async fn connect(url: &str, pg_pool_size: u32) -> Result<Self, DbErr> {
        if url.starts_with("sqlite:") {
            ensure_sqlite_parent_dir(url);
            let write = Database::connect(sqlite_options(url, 1)).await?;
            let read = Database::connect(sqlite_options(url, 4)).await?;
            Ok(Self { read, write })
        } else {
            let mut opts = ConnectOptions::new(url.to_string());
            opts.max_connections(pg_pool_size.clamp(1, 64))
                .min_connections(1)
                .acquire_timeout(Duration::from_secs(10))
                .sqlx_logging(false);
            let pool = Database::connect(opts).await?;
            Ok(Self { read: pool.clone(), write: pool })
        }
    }

    /// Which SQL dialect this is.
    pub fn backend(&self) -> DbBackend {
        self.write.get_database_backend()
    }

    /// Brings the schema up to date.
    pub async fn migrate(&self) -> Result<(), DbErr> {
        migrations::Migrator::up(&self.write, None).await
    }

    /// Whether the database answers (for `/readyz`).
    pub async fn ping(&self) -> Result<(), DbErr> {
        self.read.ping().await
    }
}

fn sqlite_options(url: &str, max: u32) -> ConnectOptions {
    let mut opts = ConnectOptions::new(url.to_string());
    opts.max_connections(max)
        .min_connections(1)
        .acquire_timeout(Duration::from_secs(30))
        .sqlx_logging(false)
        .map_sqlx_sqlite_opts(|o| {
            use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
            o.journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
        });
    opts
}

/// SQLite creates the file but not its folder (`./data/` on a fresh clone).
fn ensure_sqlite_parent_dir(url: &str) {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or("");
    if path.is_empty() || path == ":memory:" {
        return;
    }
    if let Some(parent) = Path::new(path).parent()
        && !parent.as_os_str().is_empty()
    {
        let _ = std::fs::create_dir_all(parent);
    }
}
