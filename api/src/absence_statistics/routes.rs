//! `/api/v1/absence/statistics…`. Thin handlers; access, period and sums are in the
//! modules beside.

use actix_web::{HttpRequest, get, web};
use shared::{
    Page,
    absence::statistics::{EmployeeStatistics, Mutation, StatisticsReport},
    error::ErrorBody,
};
use utoipa_actix_web::service_config::ServiceConfig;

use super::service::{self, StatisticsQuery};
use crate::{
    absence::{access, reports::today},
    audit::{self, ClientInfo},
    auth::Actor,
    error::ApiError,
    state::AppState,
};

/// Registers this capability's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(statistics).service(employees).service(mutations);
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
        (status = 422, description = "e.g. `to`: `before_from`, `period_too_long`; `team_id`: `unknown`", body = ErrorBody),
    ),
    security(("cookie" = []), ("bearer" = []))
)]
#[get("/absence/statistics")]
async fn statistics(
    state: web::Data<AppState>,
    actor: Actor,
    q: web::Query<StatisticsQuery>,
) -> Result<web::Json<StatisticsReport>, ApiError> {
    let period = q.period(today(state.clock.now()))?;
    let (scope, shown, _) = service::authorise(&state, &actor, &q).await?;
    Ok(web::Json(service::report(&state.db.read, &scope, shown, period).await?))
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
