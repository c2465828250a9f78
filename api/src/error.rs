//! One error type for every handler, turned into the one JSON shape
//! (`shared::error::ErrorBody`). Database text and other causes stay in the log,
//! next to the request id the client receives.

use std::collections::BTreeMap;

use actix_web::{HttpRequest, HttpResponse, ResponseError, error::JsonPayloadError, http::StatusCode};
use shared::{
    error::{ErrorBody, ErrorKind, FieldError},
    validation::FieldProblem,
};

/// An error a handler returns.
#[derive(Debug)]
pub struct ApiError {
    kind: ErrorKind,
    message: String,
    fields: BTreeMap<String, FieldError>,
    /// Why it really failed, for the log only.
    cause: Option<String>,
    /// Seconds after which a rate-limited client may try again.
    retry_after: Option<i64>,
}

/// The cause of a 500, carried in the response's extensions so the request
/// middleware can log it with the request id.
#[derive(Debug, Clone)]
pub struct InternalCause(pub String);

impl ApiError {
    /// An error of `kind` with an English message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), fields: BTreeMap::new(), cause: None, retry_after: None }
    }

    /// 404: the object does not exist or is not the caller's to see.
    pub fn not_found() -> Self {
        Self::new(ErrorKind::NotFound, "Not found")
    }

    /// 403.
    pub fn forbidden() -> Self {
        Self::new(ErrorKind::Forbidden, "You may not do this")
    }

    /// 403 naming the field the caller may not change, with a code clients can translate.
    pub fn forbidden_on(field: &str, code: &str, message: &str) -> Self {
        let mut e = Self::new(ErrorKind::Forbidden, message);
        e.fields.insert(field.into(), FieldError { code: code.into(), message: message.into() });
        e
    }

    /// 401 without a valid session.
    pub fn unauthenticated() -> Self {
        Self::new(ErrorKind::Unauthenticated, "Sign in first")
    }

    /// 401 for a failed sign-in; deliberately says nothing about which part was wrong.
    pub fn invalid_credentials() -> Self {
        Self::new(ErrorKind::InvalidCredentials, "E-mail address or password is incorrect")
    }

    /// 429 with a `Retry-After` of `seconds`.
    pub fn rate_limited(seconds: i64) -> Self {
        let mut e = Self::new(ErrorKind::RateLimited, "Too many attempts; try again later");
        e.retry_after = Some(seconds.max(1));
        e
    }

    /// 409.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Conflict, message)
    }

    /// 409 naming the field and a code clients can translate.
    pub fn conflict_on(field: &str, code: &str, message: &str) -> Self {
        let mut e = Self::conflict(message);
        e.fields.insert(field.into(), FieldError { code: code.into(), message: message.into() });
        e
    }

    /// 400.
    pub fn bad_request(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::BadRequest, message)
    }

    /// 500; `cause` goes to the log, never to the client.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let mut e = Self::new(ErrorKind::Internal, "Something went wrong on our side");
        e.cause = Some(cause.to_string());
        e
    }

    /// 422 for a single field.
    pub fn field(name: &str, problem: FieldProblem) -> Self {
        let mut v = Validation::default();
        v.add(name, problem);
        v.into_error()
    }

    /// The kind, for tests and mapping.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The body a client receives (without request id; the middleware adds it).
    pub fn body(&self) -> ErrorBody {
        ErrorBody {
            error: self.kind,
            message: self.message.clone(),
            fields: self.fields.clone(),
            request_id: None,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)?;
        if let Some(cause) = &self.cause {
            write!(f, " ({cause})")?;
        }
        Ok(())
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    fn error_response(&self) -> HttpResponse {
        let body = self.body();
        let mut builder = HttpResponse::build(self.status_code());
        builder.insert_header(("cache-control", "no-store"));
        if let Some(seconds) = self.retry_after {
            builder.insert_header(("retry-after", seconds.to_string()));
        }
        let mut res = builder.json(&body);
        res.extensions_mut().insert(body);
        if let Some(cause) = &self.cause {
            res.extensions_mut().insert(InternalCause(cause.clone()));
        }
        res
    }
}

impl From<sea_orm::DbErr> for ApiError {
    fn from(e: sea_orm::DbErr) -> Self {
        Self::internal(e)
    }
}

impl From<sea_orm::TransactionError<ApiError>> for ApiError {
    fn from(e: sea_orm::TransactionError<ApiError>) -> Self {
        match e {
            sea_orm::TransactionError::Connection(db) => Self::internal(db),
            sea_orm::TransactionError::Transaction(api) => api,
        }
    }
}

/// Collects field problems so a form gets every reason at once.
#[derive(Debug, Default)]
pub struct Validation {
    fields: BTreeMap<String, FieldError>,
}

impl Validation {
    /// Records `problem` for `field`.
    pub fn add(&mut self, field: &str, problem: FieldProblem) {
        self.fields
            .entry(field.to_string())
            .or_insert(FieldError { code: problem.code().into(), message: problem.message() });
    }

    /// Records a reason given as code and English message (rules with their own problem types).
    pub fn add_code(&mut self, field: &str, code: &str, message: String) {
        self.fields.entry(field.to_string()).or_insert(FieldError { code: code.into(), message });
    }

    /// Records the outcome of a `shared` rule.
    pub fn check(&mut self, field: &str, outcome: Result<(), FieldProblem>) -> &mut Self {
        if let Err(p) = outcome {
            self.add(field, p);
        }
        self
    }

    /// Ok when nothing was recorded, else a 422 listing every field.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.fields.is_empty() { Ok(()) } else { Err(self.into_error()) }
    }

    fn into_error(self) -> ApiError {
        let mut e = ApiError::new(ErrorKind::Validation, "Some fields are not valid");
        e.fields = self.fields;
        e
    }
}

/// Turns actix's JSON extractor errors into the one shape.
pub fn json_error(err: JsonPayloadError, _req: &HttpRequest) -> actix_web::Error {
    let api = match &err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            ApiError::new(ErrorKind::PayloadTooLarge, "The request body is too large")
        }
        JsonPayloadError::ContentType => {
            ApiError::new(ErrorKind::UnsupportedMediaType, "Send the body as application/json")
        }
        // serde's messages name the field and the problem, never stored data.
        JsonPayloadError::Deserialize(e) => ApiError::bad_request(format!("Invalid JSON body: {e}")),
        _ => ApiError::bad_request("The request body could not be read"),
    };
    api.into()
}

/// Turns path parameter errors (e.g. a malformed id) into the one shape.
pub fn path_error(err: actix_web::error::PathError, _req: &HttpRequest) -> actix_web::Error {
    // A malformed id cannot name anything the caller may see.
    let _ = err;
    ApiError::not_found().into()
}

/// Turns query string errors into the one shape.
pub fn query_error(err: actix_web::error::QueryPayloadError, _req: &HttpRequest) -> actix_web::Error {
    ApiError::bad_request(format!("Invalid query: {err}")).into()
}
