//! Clients: the list of those whose network the caller is in, creating one (the caller
//! becomes the primary coordinator), reading the network and switching modules.

use std::collections::{HashMap, HashSet};

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, QueryOrder,
    QuerySelect, RelationTrait, TransactionTrait,
    sea_query::{Condition, Expr, Func, Query},
};
use serde::Deserialize;
use shared::{
    Page,
    auth::Role,
    networks::{
        AddressInput, CareClientSummary, ModulesUpdate, Network, NetworkRole, NewCareClient, geo, rules,
    },
    validation::{FieldProblem, check_name},
};
use utoipa::IntoParams;
use uuid::Uuid;

use super::{access, format_modules, history, like_pattern, parse_modules, view};
use crate::{
    auth::Actor,
    entities::{care_client, care_network_entry, membership, organisation, organisation_category, user},
    error::{ApiError, Validation},
    pagination::{self, PageQuery},
    state::AppState,
};

/// Query of `GET /api/v1/care-clients`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ClientQuery {
    /// Part of the client's name.
    pub q: Option<String>,
    /// Items per page, 1–200 (default 50).
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// The clients whose network the caller is in, by name.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    q: &ClientQuery,
) -> Result<Page<CareClientSummary>, ApiError> {
    let db = &state.db.read;
    let page = PageQuery { limit: q.limit, cursor: q.cursor.clone() };
    let after: Option<(String, Uuid)> = page.decode()?;
    let mine = Query::select()
        .column(care_network_entry::Column::ClientId)
        .from(care_network_entry::Entity)
        .cond_where(access::mine_condition(actor))
        .to_owned();
    let mut find = care_client::Entity::find()
        .filter(care_client::Column::Id.in_subquery(mine))
        .order_by_asc(care_client::Column::Name)
        .order_by_asc(care_client::Column::Id)
        .limit(page.limit() + 1);
    if let Some(p) = q.q.as_deref().and_then(like_pattern) {
        find = find.filter(Expr::expr(Func::lower(Expr::col(care_client::Column::Name))).like(p));
    }
    if let Some((name, id)) = after {
        find = find.filter(Condition::any().add(care_client::Column::Name.gt(name.clone())).add(
            Condition::all().add(care_client::Column::Name.eq(name)).add(care_client::Column::Id.gt(id)),
        ));
    }
    let rows = find.all(db).await?;
    let (rows, next_cursor) = pagination::page(rows, page.limit(), |c| (c.name.clone(), c.id));
    let ids: Vec<Uuid> = rows.iter().map(|c| c.id).collect();
    if ids.is_empty() {
        return Ok(Page { items: vec![], next_cursor });
    }
    // The caller's entries and the primary coordinators of the page, in two queries.
    let my_entries = care_network_entry::Entity::find()
        .filter(care_network_entry::Column::ClientId.is_in(ids.clone()))
        .filter(access::mine_condition(actor))
        .all(db)
        .await?;
    let primaries: HashMap<Uuid, String> = care_network_entry::Entity::find()
        .select_only()
        .column(care_network_entry::Column::ClientId)
        .column(user::Column::Name)
        .join(
            sea_orm::JoinType::InnerJoin,
            care_network_entry::Entity::belongs_to(membership::Entity)
                .from(care_network_entry::Column::MembershipId)
                .to(membership::Column::Id)
                .into(),
        )
        .join(sea_orm::JoinType::InnerJoin, membership::Relation::User.def())
        .filter(care_network_entry::Column::ClientId.is_in(ids))
        .filter(care_network_entry::Column::PrimaryCoordinator.eq(true))
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let items = rows
        .into_iter()
        .map(|c| {
            let mine: Vec<_> = my_entries.iter().filter(|e| e.client_id == c.id).collect();
            let my_role = if mine.iter().any(|e| e.coordinator) {
                NetworkRole::Coordinator
            } else if mine.iter().any(|e| e.membership_id.is_some()) {
                NetworkRole::Professional
            } else {
                NetworkRole::InformalCarer
            };
            CareClientSummary {
                id: c.id,
                name: c.name.clone(),
                birth_date: c.birth_date,
                city: c.city.clone(),
                primary_coordinator: primaries.get(&c.id).cloned(),
                my_role,
            }
        })
        .collect();
    Ok(Page { items, next_cursor })
}

/// A checked address: normalised postcode and the coordinates distances use.
pub struct CheckedAddress {
    /// Street.
    pub street: String,
    /// House number.
    pub house_number: String,
    /// `1234 AB`.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// Region centre rather than the exact place.
    pub approximate: bool,
}

/// Checks an address the way organisation profiles do; problems go to `v` under `address.*`.
pub fn check_address(a: &AddressInput, v: &mut Validation) -> Option<CheckedAddress> {
    v.check("address.street", check_name(&a.street, 120));
    v.check("address.house_number", check_name(&a.house_number, 20));
    v.check("address.city", check_name(&a.city, 80));
    let postcode = rules::normalise_postcode(&a.postcode);
    if postcode.is_none() {
        v.add_code("address.postcode", "invalid_postcode", "is not a Dutch postcode (1234 AB)".into());
    }
    let postcode = postcode?;
    let (latitude, longitude, approximate) = match (a.latitude, a.longitude) {
        (Some(lat), Some(lon)) if geo::valid_coordinates(lat, lon) => (lat, lon, false),
        (None, None) => {
            let Some((lat, lon)) = geo::region_centre(&postcode) else {
                v.add_code("address.postcode", "invalid_postcode", "is not a Dutch postcode region".into());
                return None;
            };
            (lat, lon, true)
        }
        _ => {
            v.add_code(
                "address.latitude",
                "invalid_coordinates",
                "give both latitude and longitude, on Earth".into(),
            );
            return None;
        }
    };
    Some(CheckedAddress {
        street: a.street.trim().into(),
        house_number: a.house_number.trim().into(),
        postcode,
        city: a.city.trim().into(),
        latitude,
        longitude,
        approximate,
    })
}

/// Records `unknown_category` on `modules` unless every code is a known category.
pub async fn check_modules(
    db: &impl ConnectionTrait,
    modules: &[String],
    v: &mut Validation,
) -> Result<(), ApiError> {
    let wanted: HashSet<&str> = modules.iter().map(|m| m.trim()).filter(|m| !m.is_empty()).collect();
    if wanted.is_empty() {
        return Ok(());
    }
    let known: HashSet<String> = organisation_category::Entity::find()
        .select_only()
        .column(organisation_category::Column::Code)
        .filter(organisation_category::Column::Code.is_in(wanted.iter().copied()))
        .into_tuple::<String>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    if let Some(unknown) = wanted.iter().find(|m| !known.contains(**m)) {
        v.add_code("modules", "unknown_category", format!("{unknown} is not an organisation category"));
    }
    Ok(())
}

/// Creates a client; the caller becomes its primary coordinator and their organisation joins.
pub async fn create(state: &AppState, actor: &Actor, body: NewCareClient) -> Result<Network, ApiError> {
    if actor.role != Role::CareCoordinator {
        return Err(ApiError::forbidden());
    }
    let db = &state.db.write;
    let org = organisation::Entity::find_by_id(actor.organisation_id)
        .one(db)
        .await?
        .ok_or_else(ApiError::forbidden)?;
    // Only organisations that take part in networks (a profile category) coordinate them.
    let Some(own_category) = org.category.clone() else {
        return Err(ApiError::forbidden());
    };
    let membership_id = access::current_membership(db, actor).await?.ok_or_else(ApiError::forbidden)?;
    let mut v = Validation::default();
    v.check("first_name", check_name(&body.first_name, 100));
    v.check("last_name", check_name(&body.last_name, 100));
    if body.infix.as_deref().is_some_and(|i| i.trim().chars().count() > 30) {
        v.add("infix", FieldProblem::TooLong(30));
    }
    let address = check_address(&body.address, &mut v);
    check_modules(db, &body.modules, &mut v).await?;
    v.finish()?;
    let Some(a) = address else { return Err(ApiError::bad_request("Invalid address")) };
    let mut modules = vec![own_category];
    modules.extend(body.modules.iter().cloned());
    let infix = body.infix.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(String::from);
    let name = view::display_name(&body.first_name, infix.as_deref(), &body.last_name);
    let now = state.clock.now();
    let id = Uuid::now_v7();
    let client = care_client::Model {
        id,
        first_name: body.first_name.trim().into(),
        infix,
        last_name: body.last_name.trim().into(),
        name: name.clone(),
        birth_date: body.birth_date,
        street: a.street,
        house_number: a.house_number,
        postcode: a.postcode,
        city: a.city,
        latitude: a.latitude,
        longitude: a.longitude,
        coordinates_approximate: a.approximate,
        modules: format_modules(&modules),
        owner_organisation_id: actor.organisation_id,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let txn = db.begin().await?;
    care_client::ActiveModel::from(client.clone()).insert(&txn).await?;
    super::entries::insert_organisation(&txn, id, actor.organisation_id, Some(actor.user_id), now).await?;
    let by = Some(actor.user_id);
    super::entries::insert_professional(&txn, id, membership_id, actor.organisation_id, by, now, true)
        .await?;
    history::record(&txn, id, Some(actor.user_id), history::CLIENT_CREATED, Some(name), now).await?;
    txn.commit().await?;
    let (client, access) = access::in_network(db, actor, id).await?;
    view::network(db, actor, &client, &access).await
}

/// The network of a client the caller is in.
pub async fn get(state: &AppState, actor: &Actor, id: Uuid) -> Result<Network, ApiError> {
    let db = &state.db.read;
    let (client, access) = access::in_network(db, actor, id).await?;
    view::network(db, actor, &client, &access).await
}

/// Switches modules on and off (coordinators); a module whose organisations are still in
/// the network stays on.
pub async fn set_modules(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: ModulesUpdate,
) -> Result<Network, ApiError> {
    let db = &state.db.write;
    let (client, access) = access::as_coordinator(db, actor, id).await?;
    let mut v = Validation::default();
    check_modules(db, &body.modules, &mut v).await?;
    v.finish()?;
    if body.version != client.version {
        return Err(ApiError::conflict_on("version", "stale", "The client was changed meanwhile; reload"));
    }
    let before = parse_modules(&client.modules);
    let after = parse_modules(&format_modules(&body.modules));
    let rows = view::entries(db, id).await?;
    let orgs = view::organisations(
        db,
        rows.iter().filter(|e| e.kind == super::ORGANISATION).filter_map(|e| e.organisation_id).collect(),
    )
    .await?;
    let used: HashSet<String> = orgs.values().filter_map(|o| o.category.clone()).collect();
    if let Some(m) = rules::module_still_used(&before, &after, &used) {
        let mut v = Validation::default();
        v.add_code("modules", "module_in_use", format!("{m} still has organisations in the network"));
        v.finish()?;
    }
    let now = state.clock.now();
    let txn = db.begin().await?;
    // The version in the WHERE makes a concurrent change lose cleanly instead of overwriting.
    let res = care_client::Entity::update_many()
        .col_expr(care_client::Column::Modules, Expr::value(format_modules(&after)))
        .col_expr(care_client::Column::Version, Expr::value(client.version + 1))
        .col_expr(care_client::Column::UpdatedAt, Expr::value(now))
        .filter(care_client::Column::Id.eq(id))
        .filter(care_client::Column::Version.eq(client.version))
        .exec(&txn)
        .await?;
    if res.rows_affected != 1 {
        return Err(ApiError::conflict_on("version", "stale", "The client was changed meanwhile; reload"));
    }
    history::record(&txn, id, Some(actor.user_id), history::MODULES_CHANGED, Some(after.join(", ")), now)
        .await?;
    txn.commit().await?;
    let client = care_client::Entity::find_by_id(id).one(db).await?.ok_or_else(ApiError::not_found)?;
    view::network(db, actor, &client, &access).await
}
