//! The one place every route is registered. `poort serve`, the OpenAPI
//! generator and the tests all build from here, so the spec cannot drift from
//! what is served.

use actix_web::{
    App, HttpRequest, HttpResponse,
    body::MessageBody,
    dev::{ServiceFactory, ServiceRequest, ServiceResponse},
    middleware::{Compress, from_fn},
    web,
};
use utoipa::openapi::OpenApi;
use utoipa_actix_web::{AppExt, scope, service_config::ServiceConfig};
use utoipa_swagger_ui::SwaggerUi;

use crate::{
    absence, accounts, auth, care_organisations, clients, documents, employees, error,
    error::ApiError,
    hours,
    http::{csrf::csrf, request_context::request_context, security_headers::security_headers, static_files},
    integrations, networks, notifications, openapi, ops, organisations, payroll, placements, preferences,
    state::AppState,
    status,
};

/// Every documented API route, under `/api/v1`.
pub fn api(cfg: &mut ServiceConfig) {
    cfg.service(
        scope::scope("/api/v1")
            .wrap(from_fn(csrf))
            .configure(auth::routes::configure)
            .configure(accounts::routes::configure)
            .configure(organisations::routes::configure)
            .configure(care_organisations::routes::configure)
            .configure(status::routes::configure)
            .configure(notifications::routes::configure)
            .configure(integrations::routes::configure)
            .configure(hours::routes::configure)
            .configure(clients::routes::configure)
            .configure(absence::routes::configure)
            .configure(crate::absence_statistics::routes::configure)
            .configure(networks::routes::configure)
            // Issue 6: contracts, news and the dashboard.
            .configure(crate::contracts::routes::configure)
            .configure(crate::news::routes::configure)
            .configure(crate::dashboard::routes::configure)
            // Self-service: personal documents, payroll, placements.
            .configure(documents::routes::configure)
            .configure(payroll::routes::configure)
            .configure(placements::routes::configure)
            .configure(preferences::routes::configure)
            .configure(employees::routes::configure)
            .default_service(web::to(api_not_found)),
    );
}

/// The OpenAPI document of [`api`].
pub fn spec() -> OpenApi {
    App::new().into_utoipa_app().openapi(openapi::base()).configure(api).split_for_parts().1
}

async fn api_not_found(_req: HttpRequest) -> Result<HttpResponse, ApiError> {
    Err(ApiError::not_found())
}

/// The whole application: API, docs, operations endpoints and the browser app.
pub fn app(
    state: web::Data<AppState>,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let json = web::JsonConfig::default().limit(state.config.max_json_bytes).error_handler(error::json_error);
    let web_dir = state.config.web_dir.clone();
    let (app, spec) = App::new()
        .into_utoipa_app()
        .openapi(openapi::base())
        .app_data(state)
        .app_data(json)
        .app_data(web::PathConfig::default().error_handler(error::path_error))
        .app_data(web::QueryConfig::default().error_handler(error::query_error))
        .configure(api)
        .split_for_parts();
    let app = app
        .route("/api/docs", web::get().to(|| async { web::Redirect::to("/api/docs/").permanent() }))
        .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", spec))
        .service(web::scope("/api").default_service(web::to(api_not_found)))
        .configure(ops::configure);
    let index = web_dir.join("index.html");
    let app = if web_dir.is_dir() { app.service(static_files::service(&web_dir)) } else { app };
    let app = app.default_service(web::to(move |req: HttpRequest| {
        let index = index.clone();
        async move { static_files::app_shell(&req, &index).await }
    }));
    app.wrap(from_fn(security_headers)).wrap(from_fn(request_context)).wrap(Compress::default())
}
