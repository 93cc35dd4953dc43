//! A throwaway PostgreSQL cluster for tests: `initdb` into a fresh temporary
//! directory, a server that listens on a Unix socket in that directory only
//! (no TCP), `fsync=off`. Dropping the guard stops the server and removes
//! the directory, also when the test fails or panics.
//!
//! initdb refuses to run as root, so under root the server runs as the
//! `postgres` OS user (`runuser -u postgres --`). The binaries are found in
//! `SEEKSCAN_PG_BIN`, else the newest `/usr/lib/postgresql/*/bin`, else
//! `pg_config --bindir`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The OS user the server runs as when the tests run as root.
const SERVER_USER: &str = "postgres";
/// The database role initdb creates (trust authentication on the socket).
pub const ROLE: &str = "postgres";

static CLUSTERS: AtomicUsize = AtomicUsize::new(0);

pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    as_server_user: bool,
    running: bool,
    /// Server options beyond the defaults of `pg_ctl_start`.
    options: String,
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// The directory that holds initdb, pg_ctl and postgres.
pub fn server_bin_dir() -> Result<PathBuf, String> {
    if let Ok(dir) = std::env::var("SEEKSCAN_PG_BIN") {
        return Ok(PathBuf::from(dir));
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let major = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((major, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Ok(bin);
    }
    let configured = Command::new("pg_config").arg("--bindir").output();
    match configured {
        Ok(o) if o.status.success() => Ok(PathBuf::from(
            String::from_utf8_lossy(&o.stdout).trim().to_owned(),
        )),
        _ => Err(
            "PostgreSQL's server binaries (initdb, pg_ctl, postgres) are missing: \
                  install Debian's postgresql-15 (cargo xtask test does) or set SEEKSCAN_PG_BIN"
                .to_owned(),
        ),
    }
}

fn checked(what: &str, output: std::io::Result<Output>) -> Result<Output, String> {
    let output = output.map_err(|e| format!("{what}: {e}"))?;
    if output.status.success() {
        return Ok(output);
    }
    Err(format!(
        "{what} failed ({}):\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    ))
}

impl Cluster {
    /// initdb and start; the guard owns everything from the first step on.
    pub fn start() -> Result<Cluster, String> {
        Self::start_with("")
    }

    /// Like `start`, with more server options (`-c name=value …`).
    pub fn start_with(options: &str) -> Result<Cluster, String> {
        let bin = server_bin_dir()?;
        let n = CLUSTERS.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("seekscan-pg-{}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let mut cluster = Cluster {
            dir,
            bin,
            as_server_user: is_root(),
            running: false,
            options: options.to_owned(),
        };
        if cluster.as_server_user {
            checked(
                "chown of the cluster directory",
                Command::new("chown")
                    .args([SERVER_USER, cluster.dir.to_str().unwrap_or_default()])
                    .output(),
            )?;
        }
        cluster.initdb()?;
        cluster.pg_ctl_start()?;
        cluster.running = true;
        Ok(cluster)
    }

    /// A command for a server binary, as the server's user.
    fn server_command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_server_user {
            let mut command = Command::new("runuser");
            command.args(["-u", SERVER_USER, "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    fn data_dir(&self) -> PathBuf {
        self.dir.join("data")
    }

    fn initdb(&self) -> Result<(), String> {
        // The C locale: text compares byte by byte, as SQLite and seekscan do.
        let mut command = self.server_command("initdb");
        command.arg("-D").arg(self.data_dir()).args([
            "-U",
            ROLE,
            "--auth=trust",
            "--no-locale",
            "-E",
            "UTF8",
            "--no-sync",
        ]);
        checked("initdb", command.output()).map(|_| ())
    }

    fn pg_ctl_start(&self) -> Result<(), String> {
        let options = format!(
            "-c listen_addresses='' -c unix_socket_directories='{}' -c fsync=off \
             -c synchronous_commit=off -c full_page_writes=off -c max_connections=20 \
             -c jit=off {}",
            self.dir.display(),
            self.options
        );
        let mut command = self.server_command("pg_ctl");
        command
            .arg("-D")
            .arg(self.data_dir())
            .arg("-l")
            .arg(self.dir.join("server.log"))
            .args(["-o", &options, "-w", "-t", "60", "start"]);
        checked("pg_ctl start", command.output()).map(|_| ())
    }

    /// The directory of the server's socket (the libpq `host`).
    pub fn socket_dir(&self) -> &Path {
        &self.dir
    }

    /// A scratch file path inside the cluster's directory.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// A libpq connection string for `database`.
    pub fn url(&self, database: &str) -> String {
        format!("host={} user={ROLE} dbname={database}", self.dir.display())
    }

    pub fn client(&self, database: &str) -> Result<postgres::Client, String> {
        postgres::Client::connect(&self.url(database), postgres::NoTls)
            .map_err(|e| format!("connect to {database}: {e}"))
    }

    pub fn create_database(&self, name: &str) -> Result<(), String> {
        let mut client = self.client("postgres")?;
        client
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .map_err(|e| format!("CREATE DATABASE {name}: {e}"))
    }

    /// `psql -v ON_ERROR_STOP=1 -f file`: stops at the first error.
    pub fn psql_file(&self, database: &str, file: &Path) -> Result<(), String> {
        let output = Command::new(self.bin.join("psql"))
            .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h"])
            .arg(&self.dir)
            .args(["-U", ROLE, "-d", database, "-f"])
            .arg(file)
            .output();
        checked(&format!("psql -f {}", file.display()), output).map(|_| ())
    }

    /// The server's log, for a failure message.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if self.running {
            let mut command = self.server_command("pg_ctl");
            command
                .arg("-D")
                .arg(self.data_dir())
                .args(["-m", "immediate", "-w", "stop"]);
            if let Err(e) = checked("pg_ctl stop", command.output()) {
                eprintln!("{e}");
            }
        }
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            eprintln!("cannot remove {}: {e}", self.dir.display());
        }
    }
}
