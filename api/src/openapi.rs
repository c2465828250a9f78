//! The fixed parts of the OpenAPI document; the paths come from `app::api`.

use utoipa::{
    Modify, OpenApi,
    openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme},
};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Poort API",
        version = "1",
        description = "The REST API of Poort, the Dutch workforce portal: hours, absence, self-service, care networks and accounts. \
Browsers use the session cookies set by `POST /api/v1/auth/login`; integrations send `Authorization: Bearer <JWT>`. \
Every error has the body `{\"error\": \"<kind>\", \"message\": \"…\", \"fields\": {…}, \"request_id\": \"…\"}`. \
Lists use keyset pagination: pass `next_cursor` as `cursor`.",
        license(name = "EUPL-1.2", identifier = "EUPL-1.2"),
    ),
    modifiers(&SecuritySchemes),
    tags(
        (name = "auth", description = "Sign in, sessions and tokens"),
        (name = "me", description = "The signed-in person"),
        (name = "accounts", description = "Invitations, activation and password feedback"),
        (name = "organisations", description = "Organisations and their members"),
        (name = "teams", description = "Teams within an organisation"),
        (name = "care organisations", description = "Organisation categories and profiles, professionals (care networks)"),
        (name = "status", description = "Platform status message"),
        (name = "integrations", description = "API clients and their tokens (client credentials)"),
        (name = "hours", description = "Weekly timesheets: fill in, sign, approve or reject, corrections, exports for payroll and billing, planned hours"),
        (name = "care-networks", description = "Clients and their care networks: organisations, professionals, informal carers, coordinators, history"),
        (name = "outbox", description = "Mail and SMS Poort sent or holds (helpdesk)"),
    )
)]
struct Base;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new("poort_access"))),
        );
        components.add_security_scheme(
            "client",
            SecurityScheme::Http(
                HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build(),
            ),
        );
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new().scheme(HttpAuthScheme::Bearer).bearer_format("JWT").build(),
            ),
        );
    }
}

/// The document's info, tags and security schemes.
pub fn base() -> utoipa::openapi::OpenApi {
    Base::openapi()
}

/// The spec as the YAML committed at the repository root.
pub fn to_yaml(spec: &utoipa::openapi::OpenApi) -> Result<String, String> {
    serde_yaml_ng::to_string(spec).map_err(|e| e.to_string())
}
