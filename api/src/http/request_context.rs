//! Gives every request an id (in the `x-request-id` header, every log line of
//! the request and every error body), logs one line per request, logs the cause
//! of every 500 and records the request in the metrics.

use std::time::Instant;

use actix_web::{
    Error, HttpMessage,
    body::{BoxBody, MessageBody},
    dev::{ServiceRequest, ServiceResponse},
    http::header::{HeaderName, HeaderValue},
    middleware::Next,
    web,
};
use shared::error::ErrorBody;
use tracing::Instrument;

use crate::{error::InternalCause, state::AppState};

/// The id of the request being served.
#[derive(Debug, Clone)]
pub struct RequestId(pub String);

/// The middleware; wrap the whole app with `from_fn(request_context)`.
pub async fn request_context(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, Error> {
    let id = uuid::Uuid::now_v7().to_string();
    req.extensions_mut().insert(RequestId(id.clone()));
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let method = req.method().to_string();
    let span = tracing::info_span!("request", request_id = %id, method = %method, path = %req.path());
    let started = Instant::now();

    let res = next.call(req).instrument(span.clone()).await?;

    let elapsed = started.elapsed();
    let status = res.status().as_u16();
    // Route patterns, not raw paths, keep the metrics' label set small.
    let route = res.request().match_pattern().unwrap_or_else(|| "unmatched".to_string());
    if let Some(state) = &state {
        state.metrics.observe(&method, &route, status, elapsed);
    }
    let cause = res.response().extensions().get::<InternalCause>().cloned();
    if let Some(InternalCause(cause)) = cause {
        tracing::error!(parent: &span, status, %cause, "request failed");
    }
    tracing::info!(parent: &span, status, route = %route, latency_ms = elapsed.as_secs_f64() * 1000.0, "served");

    let error_body = res.response().extensions().get::<ErrorBody>().cloned();
    let mut res = match error_body {
        Some(mut body) => {
            body.request_id = Some(id.clone());
            let json = serde_json::to_vec(&body).unwrap_or_default();
            res.map_body(|_, _| BoxBody::new(json))
        }
        None => res.map_into_boxed_body(),
    };
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(HeaderName::from_static("x-request-id"), value);
    }
    Ok(res)
}
