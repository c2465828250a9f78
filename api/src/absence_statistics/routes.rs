//! `/api/v1/absence/statistics…`. Thin handlers; access, period and sums are in the
//! modules beside.

use actix_web::{HttpRequest, HttpResponse, get, http::header, web};
use shared::{
    Page,
    absence::statistics::{EmployeeStatistics, Mutation, StatisticsOrganisation, StatisticsReport},
    error::ErrorBody,
};
use utoipa_actix_web::service_config::ServiceConfig;

use super::{
    exports::{self, Kind},
    organisations, pdf,
    service::{self, StatisticsQuery},
};
use crate::{
    absence::{access, reports::today},
    audit::{self, ClientInfo},
    auth::Actor,
    error::ApiError,
    state::AppState,
};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(statistics)
        .service(report_pdf)
        .service(statistics_organisations)
        .service(employees)
        .service(mutations)
        .service(export);
}

/// Absence figures by the Dutch standard (CBS/SZW 1996) for a period and scope: absence
/// rate (with and without pregnancy), report frequency, average duration, zero-absence,
/// duration classes, and the rate per month against the year before. For those who see
/// the organisation's absence cases (the right to report absence, or the arbodienst
/// serving it). Only counts.
#[utoipa::path(
    tag = "absence",
    params(StatisticsQuery),
    responses(
        (status = 200, body = StatisticsReport),
        (status = 403, description = "You see no organisation's absence", body = ErrorBody),
        (status = 404, description = "An organisation you do not serve", body = ErrorBody),
        (status = 422, description = "e.g. `to`: `before_from`, `period_too_long`; `team_id`: `unknown`; `classes`: `not_a_number`, `out_of_range`, `not_ascending`, `too_many`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence/statistics")]
async fn statistics(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<StatisticsQuery>,
) -> Result<web::Json<StatisticsReport>, ApiError> {
    let today = today(state.clock.now());
    let period = q.period(today)?;
    let classes = q.duration_classes()?;
    let (scope, shown, _) = service::authorise(&state, &actor, &q).await?;
    Ok(web::Json(service::report(&state.db.read, &scope, shown, period, today, &classes).await?))
}

/// The management report of a period and scope as a PDF (A4, Dutch): the key figures
/// with their sums, the rate per month against the year before as a bar chart, the
/// cases per duration class and the cases open today per poortwachter stage. The same
/// query and access as `GET /absence/statistics`; only counts.
#[utoipa::path(
    tag = "absence",
    params(StatisticsQuery),
    responses(
        (status = 200, description = "The report, as an attachment `managementrapportage-<from>-<to>.pdf`", content_type = "application/pdf"),
        (status = 403, description = "You see no organisation's absence", body = ErrorBody),
        (status = 404, description = "An organisation you do not serve", body = ErrorBody),
        (status = 422, description = "As for `GET /absence/statistics`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence/statistics/report.pdf")]
async fn report_pdf(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<StatisticsQuery>,
) -> Result<HttpResponse, ApiError> {
    let today = today(state.clock.now());
    let period = q.period(today)?;
    let classes = q.duration_classes()?;
    let (scope, shown, _) = service::authorise(&state, &actor, &q).await?;
    let db = &state.db.read;
    let team_name = match scope.team_id {
        Some(team) => service::team_name(db, scope.organisation_id, team).await?,
        None => None,
    };
    let report = service::report(db, &scope, shown, period, today, &classes).await?;
    let body = pdf::render(&report, &pdf::Heading { team_name: team_name.as_deref(), today });
    let name = format!("managementrapportage-{}-{}.pdf", period.start, period.end);
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body))
}

/// The organisations whose statistics you may see, by name: an employer's own, or every
/// employer a case manager or physician serves (and their arbodienst). Each is a valid
/// `organisation_id` for the other statistics endpoints.
#[utoipa::path(
    tag = "absence",
    responses(
        (status = 200, body = Vec<StatisticsOrganisation>),
        (status = 403, description = "You see no organisation's absence", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence/statistics/organisations")]
async fn statistics_organisations(
    state: web::Data<AppState>,
    actor: Actor,
) -> Result<web::Json<Vec<StatisticsOrganisation>>, ApiError> {
    Ok(web::Json(organisations::visible(&state.db.read, &actor).await?))
}

/// Records a read of named people's absence by the arbodienst in the employer's audit log.
async fn audit_read(
    state: &AppState,
    actor: &Actor,
    audience: access::Audience,
    organisation_id: uuid::Uuid,
    action: &str,
    req: &HttpRequest,
) -> Result<(), ApiError> {
    if access::audited(audience) {
        let event = audit::Event {
            organisation_id: Some(organisation_id),
            actor_user_id: Some(actor.user_id),
            action,
            subject: None,
        };
        audit::record(&state.db.write, event, &ClientInfo::from_request(req), state.clock.now()).await?;
    }
    Ok(())
}

/// Per employee employed in the period (in scope), by name: days employed and sick,
/// weighted by part-time factor and incapacity, sick reports, and today's state.
#[utoipa::path(
    tag = "absence",
    params(StatisticsQuery),
    responses((status = 200, body = Page<EmployeeStatistics>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence/statistics/employees")]
async fn employees(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<StatisticsQuery>,
    req: HttpRequest,
) -> Result<web::Json<Page<EmployeeStatistics>>, ApiError> {
    let period = q.period(today(state.clock.now()))?;
    let (scope, _, audience) = service::authorise(&state, &actor, &q).await?;
    audit_read(&state, &actor, audience, scope.organisation_id, "absence_statistics_employees_read", &req)
        .await?;
    Ok(web::Json(service::employees(&state, &scope, period, &q).await?))
}

/// Sick reports (relapses too), partial and full recoveries and ziek-uit-dienst dated
/// in the period, by date.
#[utoipa::path(
    tag = "absence",
    params(StatisticsQuery),
    responses((status = 200, body = Page<Mutation>), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence/statistics/mutations")]
async fn mutations(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<StatisticsQuery>,
    req: HttpRequest,
) -> Result<web::Json<Page<Mutation>>, ApiError> {
    let period = q.period(today(state.clock.now()))?;
    let (scope, _, audience) = service::authorise(&state, &actor, &q).await?;
    audit_read(&state, &actor, audience, scope.organisation_id, "absence_statistics_mutations_read", &req)
        .await?;
    Ok(web::Json(service::mutations(&state, &scope, period, &q).await?))
}

/// The per-employee overview or the mutations of the period and scope as a download:
/// every row, as `csv` (semicolons, decimal comma) or `xlsx`.
#[utoipa::path(
    tag = "absence",
    params(
        ("file" = String, Path, description = "employees.csv, employees.xlsx, mutations.csv or mutations.xlsx"),
        StatisticsQuery,
    ),
    responses(
        (status = 200, description = "The file, as an attachment", content_type = "text/csv"),
        (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody),
        (status = 422, body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence/statistics/export/{file}")]
async fn export(
    state: web::Data<AppState>,
    actor: Actor,
    file: web::Path<String>,
    q: web::Query<StatisticsQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    let (kind, ext) = match file.as_str() {
        "employees.csv" => (Kind::Employees, "csv"),
        "employees.xlsx" => (Kind::Employees, "xlsx"),
        "mutations.csv" => (Kind::Mutations, "csv"),
        "mutations.xlsx" => (Kind::Mutations, "xlsx"),
        _ => return Err(ApiError::not_found()),
    };
    let period = q.period(today(state.clock.now()))?;
    let (scope, _, audience) = service::authorise(&state, &actor, &q).await?;
    let action = match kind {
        Kind::Employees => "absence_statistics_employees_read",
        Kind::Mutations => "absence_statistics_mutations_read",
    };
    audit_read(&state, &actor, audience, scope.organisation_id, action, &req).await?;
    let table = exports::table(&state, &scope, period, kind).await?;
    let (body, mime) = if ext == "csv" {
        (exports::to_csv(&table)?, "text/csv; charset=utf-8")
    } else {
        (exports::to_xlsx(&table)?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    };
    let name = format!("{}-{}-{}.{ext}", kind.name(), period.start, period.end);
    Ok(HttpResponse::Ok()
        .content_type(mime)
        .insert_header((header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")))
        .body(body))
}
