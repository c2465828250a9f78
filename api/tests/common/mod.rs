//! The test harness: a fresh database per test (a SQLite file, or a new
//! database on the PostgreSQL server named by `POORT_TEST_DATABASE_URL`), the
//! demo data, a manual clock, and the real `app()`.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use actix_http::Request;
pub use actix_web::body::MessageBody;
use actix_web::{
    cookie::Cookie,
    dev::{Service, ServiceResponse},
    http::{Method, StatusCode, header::HeaderMap},
    test, web,
};
use chrono::{TimeZone, Utc};
use poort::{
    app,
    clock::{Clock, ManualClock},
    config::Config,
    db::Db,
    seed,
    state::AppState,
};
use sea_orm::{ConnectionTrait, Database};
use serde_json::Value;

pub const PASSWORD: &str = seed::DEMO_PASSWORD;
pub const ANNA: &str = "anna.jansen@delinde.example";
pub const FATIMA: &str = "fatima.elamrani@delinde.example";
pub const EVA: &str = "eva.visser@vandijkbouw.example";
pub const LOTTE: &str = "lotte.mulder@arbozorg.example";
pub const HELPDESK: &str = "helpdesk@poort.example";

/// One test's server.
pub struct TestApp {
    pub state: web::Data<AppState>,
    pub clock: ManualClock,
    _dir: tempfile::TempDir,
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(Config::default()).await
    }

    pub async fn with_config(mut config: Config) -> Self {
        let dir = tempfile::tempdir().unwrap();
        config.database_url = match std::env::var("POORT_TEST_DATABASE_URL") {
            Ok(admin) if !admin.is_empty() => fresh_postgres_database(&admin).await,
            _ => format!("sqlite://{}?mode=rwc", dir.path().join("poort.db").display()),
        };
        if config.web_dir == Config::default().web_dir {
            config.web_dir = dir.path().join("web");
        }
        config.db_pool_size = 4;
        config.files_dir = dir.path().join("files");
        // 2026-11-22 10:00 UTC, a Sunday.
        let clock = ManualClock::new(Utc.with_ymd_and_hms(2026, 11, 22, 10, 0, 0).unwrap());
        let db = Db::connect(&config.database_url, config.db_pool_size).await.unwrap();
        db.migrate().await.unwrap();
        seed::demo(&db, clock.now(), "http://127.0.0.1:8080").await.unwrap();
        let state = AppState::new(config, db, Arc::new(clock.clone())).await.unwrap();
        Self { state: web::Data::new(state), clock, _dir: dir }
    }

    pub async fn service(
        &self,
    ) -> impl Service<Request, Response = ServiceResponse<impl MessageBody>, Error = actix_web::Error> {
        test::init_service(app::app(self.state.clone())).await
    }
}

async fn fresh_postgres_database(admin_url: &str) -> String {
    let name = format!("poort_test_{}", uuid::Uuid::now_v7().simple());
    let admin = Database::connect(admin_url).await.unwrap();
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
    admin.close().await.unwrap();
    let (base, query) = admin_url.split_once('?').map_or((admin_url, None), |(b, q)| (b, Some(q)));
    let base = base.rsplit_once('/').map_or(base, |(b, _)| b);
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// The test app's service, as helpers take it.
pub trait TestService<B>: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error> {}

impl<S, B> TestService<B> for S where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>
{
}

/// A response, read completely.
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON ({}): {}", self.status, String::from_utf8_lossy(&self.body)))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn cookies(&self) -> Vec<Cookie<'static>> {
        self.headers
            .get_all("set-cookie")
            .filter_map(|v| Cookie::parse_encoded(v.to_str().ok()?.to_string()).ok())
            .collect()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.get(name).and_then(|v| v.to_str().ok()).map(String::from)
    }

    /// Asserts the one error shape and returns the kind.
    pub fn error_kind(&self) -> String {
        let body = self.json();
        assert!(body["message"].is_string(), "no message in {body}");
        assert_eq!(
            body["request_id"].as_str(),
            self.header("x-request-id").as_deref(),
            "request id in {body}"
        );
        body["error"].as_str().unwrap_or_default().to_string()
    }
}

/// Sends `req` and reads the whole response.
pub async fn send<S, B>(app: &S, req: test::TestRequest) -> Resp
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let res = match app.call(req.to_request()).await {
        Ok(res) => res,
        Err(e) => {
            let res = e.error_response();
            let status = res.status();
            let headers = res.headers().clone();
            let body = actix_web::body::to_bytes(res.into_body()).await.unwrap_or_default().to_vec();
            return Resp { status, headers, body };
        }
    };
    let status = res.status();
    let headers = res.headers().clone();
    let body = actix_web::body::to_bytes(res.into_body()).await.ok().map(|b| b.to_vec()).unwrap_or_default();
    Resp { status, headers, body }
}

/// A request as a browser on the same origin sends it.
pub fn browser(method: Method, path: &str) -> test::TestRequest {
    test::TestRequest::default()
        .method(method)
        .uri(path)
        .insert_header(("sec-fetch-site", "same-origin"))
        .peer_addr("127.0.0.1:50000".parse().unwrap())
}

/// The cookies of a browser session.
#[derive(Clone)]
pub struct Session {
    pub cookies: Vec<Cookie<'static>>,
}

impl Session {
    pub fn on(&self, mut req: test::TestRequest) -> test::TestRequest {
        for c in &self.cookies {
            req = req.cookie(c.clone());
        }
        req
    }

    pub fn cookie(&self, name: &str) -> Option<String> {
        self.cookies.iter().find(|c| c.name() == name).map(|c| c.value().to_string())
    }

    /// Applies `Set-Cookie` headers of a response, as a browser would.
    pub fn update(&mut self, res: &Resp) {
        for c in res.cookies() {
            self.cookies.retain(|old| old.name() != c.name());
            if !c.value().is_empty() {
                self.cookies.push(c);
            }
        }
    }
}

/// Signs in through the browser endpoint.
pub async fn login<S, B>(app: &S, email: &str) -> Session
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let res = send(
        app,
        browser(Method::POST, "/api/v1/auth/login")
            .set_json(serde_json::json!({"email": email, "password": PASSWORD})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    Session { cookies: res.cookies() }
}

/// Gets bearer tokens through the integration endpoint: (access, refresh).
pub async fn token<S, B>(app: &S, email: &str) -> (String, String)
where
    S: Service<Request, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let res = send(
        app,
        test::TestRequest::post()
            .uri("/api/v1/auth/token")
            .set_json(serde_json::json!({"email": email, "password": PASSWORD})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let j = res.json();
    (j["access_token"].as_str().unwrap().to_string(), j["refresh_token"].as_str().unwrap().to_string())
}

pub fn bearer(method: Method, path: &str, token: &str) -> test::TestRequest {
    test::TestRequest::default()
        .method(method)
        .uri(path)
        .insert_header(("authorization", format!("Bearer {token}")))
}

/// A test helper process from scripts/: started with `--dir DIR`, it prints its
/// port first and stops when its standard input closes (or it is dropped).
struct SinkProcess {
    child: std::process::Child,
    port: u16,
    dir: tempfile::TempDir,
}

impl SinkProcess {
    fn start(script: &str, args: &[&str], hint: &str) -> Self {
        use std::io::BufRead;
        let dir = tempfile::tempdir().unwrap();
        let path = format!("{}/../scripts/{script}", env!("CARGO_MANIFEST_DIR"));
        let mut child = std::process::Command::new("python3")
            .arg(&path)
            .arg("--dir")
            .arg(dir.path())
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("python3 scripts/{script}: {e} ({hint})"));
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let port =
            line.trim().parse().unwrap_or_else(|_| panic!("{script} did not start: {line:?} ({hint})"));
        Self { child, port, dir }
    }

    /// The files with extension `ext` received so far, oldest first.
    fn files(&self, ext: &str) -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == ext))
            .collect();
        files.sort();
        files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
    }

    /// Waits (up to 10 s) until at least `n` files arrived.
    async fn wait_for(&self, ext: &str, n: usize) -> Vec<String> {
        for _ in 0..200 {
            let m = self.files(ext);
            if m.len() >= n {
                return m;
            }
            actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("expected {n} messages, got {}", self.files(ext).len());
    }
}

impl Drop for SinkProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A real SMTP server (scripts/smtp-sink.py, aiosmtpd) that stores what it receives.
pub struct SmtpSink {
    process: SinkProcess,
    pub port: u16,
}

impl SmtpSink {
    pub fn start() -> Self {
        let process =
            SinkProcess::start("smtp-sink.py", &[], "needs `pip install aiosmtpd`; scripts/test installs it");
        Self { port: process.port, process }
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// The raw messages received so far, oldest first.
    pub fn messages(&self) -> Vec<String> {
        self.process.files("eml")
    }

    /// Waits (up to 10 s) until at least `n` messages arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<String> {
        self.process.wait_for("eml", n).await
    }
}

/// A real HTTP SMS provider (scripts/sms-sink.py) that stores what it receives.
pub struct SmsSink {
    process: SinkProcess,
    pub port: u16,
}

/// The bearer token the SMS sink of [`SmsSink::start`] wants.
pub const SMS_TOKEN: &str = "sms-test-token";

impl SmsSink {
    /// A sink that wants [`SMS_TOKEN`]; with `fail_first`, the first requests get 503.
    pub fn start(fail_first: u32) -> Self {
        let fail = fail_first.to_string();
        let process = SinkProcess::start(
            "sms-sink.py",
            &["--token", SMS_TOKEN, "--fail-first", &fail],
            "standard library only",
        );
        Self { port: process.port, process }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/v1/messages", self.port)
    }

    /// The messages received so far, oldest first, as JSON.
    pub fn messages(&self) -> Vec<Value> {
        self.process.files("json").iter().map(|m| serde_json::from_str(m).unwrap()).collect()
    }

    /// Waits (up to 10 s) until at least `n` messages arrived.
    pub async fn wait_for(&self, n: usize) -> Vec<Value> {
        self.process.wait_for("json", n).await.iter().map(|m| serde_json::from_str(m).unwrap()).collect()
    }
}

/// The 6-digit code in an SMS text.
pub fn sms_code(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .unwrap_or_else(|| panic!("no 6-digit code in {text:?}"))
        .to_string()
}

/// Decodes a quoted-printable mail body enough to find links and words in it.
pub fn mail_text(raw: &str) -> String {
    raw.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
        .replace("=C3=AB", "ë")
        .replace("=C3=A9", "é")
}

/// The token in the first `…?token=…` link of a mail.
pub fn link_token(raw: &str) -> String {
    let text = mail_text(raw);
    let start = text.find("token=").expect("no link in mail") + "token=".len();
    text[start..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect()
}

/// The code an authenticator app shows for `secret` (base32) at the test clock's time.
pub fn app_code(t: &TestApp, manual_key: &str) -> String {
    let secret = totp_rs::Secret::try_from_base32(manual_key).unwrap().as_bytes().to_vec();
    poort::auth::totp::code_at(&secret, poort::clock::Clock::now(&t.clock)).unwrap()
}

/// Sets up an authenticator app for Anna; returns (manual key, recovery codes).
pub async fn enrol<S: TestService<B>, B: MessageBody>(t: &TestApp, app: &S) -> (String, Vec<String>) {
    let anna = login(app, ANNA).await;
    let res =
        send(app, anna.on(browser(Method::POST, "/api/v1/me/totp")).set_json(serde_json::json!({}))).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let enrolment = res.json();
    let key = enrolment["manual_key"].as_str().unwrap().to_string();
    assert!(enrolment["otpauth_url"].as_str().unwrap().starts_with("otpauth://totp/Poort:anna.jansen"));
    let wrong = send(
        app,
        anna.on(browser(Method::POST, "/api/v1/me/totp/confirm"))
            .set_json(serde_json::json!({"code": "000000"})),
    )
    .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = send(
        app,
        anna.on(browser(Method::POST, "/api/v1/me/totp/confirm"))
            .set_json(serde_json::json!({"code": app_code(t, &key)})),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let codes: Vec<String> =
        res.json()["codes"].as_array().unwrap().iter().map(|c| c.as_str().unwrap().to_string()).collect();
    assert_eq!(codes.len(), 10);
    (key, codes)
}
