//! Serves the browser app from the same origin as the API: the files of
//! `web_dir`, and for any other GET that is not an API path, `index.html`, so
//! deep links into the app work. Other methods get the JSON 404.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::{
    HttpRequest, HttpResponse,
    dev::{HttpServiceFactory, ServiceRequest, ServiceResponse, fn_service},
    guard,
    http::{Method, header},
};

use crate::error::ApiError;

/// Shown when the browser app has not been built, so `poort serve` still explains itself.
const NOT_BUILT: &str = "<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Poort</title></head>\
<body><h1>Poort</h1><p>De browser-app is nog niet gebouwd. Voer <code>scripts/build-frontend</code> uit.</p>\
<p>The browser app has not been built yet. Run <code>scripts/build-frontend</code>.</p>\
<p><a href=\"/api/docs/\">API documentation</a></p></body></html>";

/// The static file service, mounted last.
pub fn service(web_dir: &Path) -> impl HttpServiceFactory + use<> {
    let index = web_dir.join("index.html");
    // Other methods fall through to the app's JSON 404 instead of actix-files' plain 405.
    Files::new("/", web_dir)
        .guard(guard::Any(guard::Get()).or(guard::Head()))
        .index_file("index.html")
        .use_etag(true)
        .use_last_modified(true)
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move {
                let (req, _) = req.into_parts();
                let res = app_shell(&req, &index).await;
                Ok(ServiceResponse::new(req, res))
            }
        }))
}

/// The fallback for paths that are no file: the app's `index.html` for GET/HEAD.
pub async fn app_shell(req: &HttpRequest, index: &PathBuf) -> HttpResponse {
    if !matches!(*req.method(), Method::GET | Method::HEAD) || req.path().starts_with("/api/") {
        return actix_web::ResponseError::error_response(&ApiError::not_found());
    }
    match NamedFile::open_async(index).await {
        Ok(file) => {
            let mut res = file.into_response(req);
            res.headers_mut().insert(header::CACHE_CONTROL, header::HeaderValue::from_static("no-cache"));
            res
        }
        Err(_) => HttpResponse::Ok().content_type("text/html; charset=utf-8").body(NOT_BUILT),
    }
}
