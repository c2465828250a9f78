//! `poort`: the Poort server and its administration commands.

use std::{path::PathBuf, process::ExitCode};

use actix_web::{HttpServer, web};
use clap::{Parser, Subcommand};
use poort::{
    app,
    clock::SharedClock,
    config::{Config, LogFormat},
    db::Db,
    openapi, seed,
    state::AppState,
};

/// Poort — the Dutch workforce portal: hours, absence, self-service and care networks.
///
/// Configuration comes from defaults, then the TOML file (`--config`, default
/// `./poort.toml` if present), then `POORT_*` environment variables, e.g.
/// `POORT_DATABASE_URL=postgres://…`, `POORT_LISTEN=0.0.0.0:8080`. Any variable can be read
/// from a file instead with `POORT_<NAME>_FILE` (for secrets).
#[derive(Parser)]
#[command(name = "poort", version, about, long_about)]
struct Cli {
    /// Configuration file (TOML).
    #[arg(long, global = true, env = "POORT_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (brings the database schema up to date first).
    Serve,
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Load data into the database.
    Seed {
        /// Demo organisations and one account per role (idempotent; prints the logins).
        #[arg(long)]
        demo: bool,
        /// Benchmark data: an organisation with this many workers and a year of weeks
        /// each (bench/run uses 2,000). Only on a fresh database.
        #[arg(long, value_name = "WORKERS")]
        hours_volume: Option<usize>,
        /// Benchmark data: an employer with this many employees and three years of
        /// absence cases (bench/run uses 20,000). Only on a fresh database.
        #[arg(long, value_name = "EMPLOYEES")]
        absence_volume: Option<usize>,
        /// Benchmark data: this many care professionals in N/25 organisations and N/100
        /// clients (bench/run uses 50,000). Only on a fresh database.
        #[arg(long, value_name = "PROFESSIONALS")]
        care_volume: Option<usize>,
    },
    /// Write the OpenAPI document (YAML).
    Openapi {
        /// Where to write it.
        #[arg(long, default_value = "openapi.yaml")]
        output: PathBuf,
        /// Do not write; fail when the file differs from what the code generates.
        #[arg(long)]
        check: bool,
    },
    /// Print the effective configuration (secrets redacted).
    Config,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("poort: configuration error: {e}");
            return ExitCode::from(2);
        }
    };
    init_logging(&config);
    let result = match cli.command {
        Command::Openapi { output, check } => write_openapi(&output, check),
        Command::Config => {
            println!("{config:#?}");
            Ok(())
        }
        command => actix_web::rt::System::new().block_on(run(command, config)),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            eprintln!("poort: {e}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("RUST_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(&config.log_filter));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match config.log_format {
        LogFormat::Json => builder.json().flatten_event(true).with_current_span(true).init(),
        LogFormat::Pretty => builder.compact().init(),
    }
}

fn write_openapi(output: &std::path::Path, check: bool) -> Result<(), String> {
    let yaml = openapi::to_yaml(&app::spec())?;
    if check {
        let current = std::fs::read_to_string(output).unwrap_or_default();
        if current != yaml {
            return Err(format!("{} is out of date: run `poort openapi`", output.display()));
        }
        println!("{} is up to date", output.display());
        return Ok(());
    }
    std::fs::write(output, yaml).map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    println!("wrote {}", output.display());
    Ok(())
}

async fn run(command: Command, config: Config) -> Result<(), String> {
    tracing::info!(config = ?config, "starting");
    // Before the database: a refused clock setting stops here, having changed nothing.
    let clock = config.clock()?;
    let db =
        Db::connect(&config.database_url, config.db_pool_size).await.map_err(|e| format!("database: {e}"))?;
    db.migrate().await.map_err(|e| format!("migration failed: {e}"))?;
    match command {
        Command::Migrate => {
            println!("database is up to date");
            Ok(())
        }
        Command::Seed { demo, hours_volume, absence_volume, care_volume } => {
            if let Some(workers) = hours_volume {
                poort::hours::volume::load(&db, workers, clock.now()).await?;
                println!("Hours volume data loaded: {workers} workers.");
            }
            if let Some(employees) = absence_volume {
                let retention = config.absence_retention_days;
                let loaded =
                    poort::absence::volume::load(&db, employees, chrono::Utc::now(), retention).await?;
                println!("Absence volume data loaded: {loaded}.");
            }
            if let Some(professionals) = care_volume {
                let loaded = poort::networks::volume::load(&db, professionals, clock.now()).await?;
                println!("Care volume data loaded: {loaded}.");
            }
            if !demo {
                if hours_volume.is_some() || absence_volume.is_some() || care_volume.is_some() {
                    return Ok(());
                }
                return Err(
                    "nothing to seed: pass --demo (or --hours-volume N, --absence-volume N, --care-volume N)"
                        .into(),
                );
            }
            let added = seed::demo(&db, clock.now(), &config.public_url()).await?;
            poort::absence::demo::documents(&db, &config, clock.now()).await?;
            poort::contracts::demo::load(&db, &config, clock.now()).await?;
            poort::employees::demo::secrets(&db, &config, clock.now()).await?;
            poort::payroll::demo::load(&db, &config, clock.now()).await?;
            poort::networks::demo::load(&db, clock.now()).await?;
            println!("{}", if added { "Demo data loaded." } else { "Demo data was already there." });
            print_logins(&config);
            Ok(())
        }
        Command::Serve => serve(config, db, clock).await,
        Command::Openapi { .. } | Command::Config => Ok(()),
    }
}

fn print_logins(config: &Config) {
    println!();
    println!("Poort: {}", config.public_url());
    println!("Demo accounts (password: {}):", seed::DEMO_PASSWORD);
    for l in seed::demo_logins() {
        println!("  {:<36} {:<18} {}", l.email, l.name, l.what);
    }
}

async fn serve(config: Config, db: Db, clock: SharedClock) -> Result<(), String> {
    poort::auth::password::warm_up();
    poort::auth::blocklist::warm_up();
    let listen = config.listen.clone();
    let workers = if config.workers == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        config.workers
    };
    let url = config.public_url();
    let state = web::Data::new(AppState::new(config, db, clock).await?);
    poort::jobs::spawn(state.clone());
    poort::hours::jobs::spawn(state.clone());
    poort::absence::jobs::spawn(state.clone());
    let server = HttpServer::new(move || app::app(state.clone()))
        .workers(workers)
        .shutdown_timeout(20)
        .bind(&listen)
        .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
    tracing::info!(%url, "Poort is listening");
    println!("Poort draait op {url}  (Poort is running at {url})");
    // actix stops accepting on SIGTERM/SIGINT and lets running requests finish.
    server.run().await.map_err(|e| e.to_string())
}
