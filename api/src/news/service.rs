//! Reading and writing news. Readers see published items for their role's audiences;
//! employers and administrators write, publish and delete.

use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use shared::{
    Page,
    auth::Role,
    news::{NewsAudience, NewsInput, NewsItem},
};
use uuid::Uuid;

use crate::{
    auth::Actor,
    entities::news_item,
    error::{ApiError, Validation},
    pagination::PageQuery,
    state::AppState,
};

/// Whether the actor writes news: employers and administrators.
pub fn writes(actor: &Actor) -> bool {
    matches!(actor.role, Role::Employer | Role::Administrator)
}

fn require_writer(actor: &Actor) -> Result<(), ApiError> {
    if writes(actor) { Ok(()) } else { Err(ApiError::forbidden()) }
}

/// The API shape.
pub fn to_dto(m: news_item::Model) -> NewsItem {
    NewsItem {
        id: m.id,
        title: m.title,
        body: m.body,
        audience: NewsAudience::parse(&m.audience).unwrap_or(NewsAudience::Everyone),
        published_at: m.published_at,
        author_name: m.author_name,
    }
}

fn audiences_for(role: Role) -> Vec<&'static str> {
    [NewsAudience::Everyone, NewsAudience::Employees, NewsAudience::Staff]
        .into_iter()
        .filter(|a| a.includes(role))
        .map(NewsAudience::as_str)
        .collect()
}

/// Published items for the reader, newest first; `after` is the last (published, id) seen.
pub async fn published(
    db: &impl ConnectionTrait,
    actor: &Actor,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: u64,
) -> Result<Vec<news_item::Model>, DbErr> {
    let mut find = news_item::Entity::find()
        .filter(news_item::Column::OrganisationId.eq(actor.organisation_id))
        .filter(news_item::Column::PublishedAt.is_not_null())
        .filter(news_item::Column::Audience.is_in(audiences_for(actor.role)));
    if let Some((at, id)) = after {
        find = find.filter(Condition::any().add(news_item::Column::PublishedAt.lt(at)).add(
            Condition::all().add(news_item::Column::PublishedAt.eq(at)).add(news_item::Column::Id.lt(id)),
        ));
    }
    find.order_by_desc(news_item::Column::PublishedAt)
        .order_by_desc(news_item::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// A page of the news for the reader.
pub async fn list(state: &AppState, actor: &Actor, q: &PageQuery) -> Result<Page<NewsItem>, ApiError> {
    let after: Option<(DateTime<Utc>, Uuid)> = q.decode()?;
    let rows = published(&state.db.read, actor, after, q.limit() + 1).await?;
    let (rows, next_cursor) =
        crate::pagination::page(rows, q.limit(), |n| (n.published_at.unwrap_or_default(), n.id));
    Ok(Page { items: rows.into_iter().map(to_dto).collect(), next_cursor })
}

/// The organisation's drafts, last changed first (writers).
pub async fn drafts(state: &AppState, actor: &Actor) -> Result<Vec<NewsItem>, ApiError> {
    require_writer(actor)?;
    let rows = news_item::Entity::find()
        .filter(news_item::Column::OrganisationId.eq(actor.organisation_id))
        .filter(news_item::Column::PublishedAt.is_null())
        .order_by_desc(news_item::Column::UpdatedAt)
        .limit(200)
        .all(&state.db.read)
        .await?;
    Ok(rows.into_iter().map(to_dto).collect())
}

fn check(body: &NewsInput) -> Result<(String, String), ApiError> {
    let title = body.title.trim().to_string();
    let text = body.body.trim().to_string();
    let mut v = Validation::default();
    if title.is_empty() {
        v.add_code("title", "required", "Give the item a title".into());
    } else if title.chars().count() > 200 {
        v.add_code("title", "too_long", "At most 200 characters".into());
    }
    if text.is_empty() {
        v.add_code("body", "required", "Write the text".into());
    } else if text.chars().count() > 10_000 {
        v.add_code("body", "too_long", "At most 10,000 characters".into());
    }
    v.finish()?;
    Ok((title, text))
}

/// Writes a new item, published now or kept as a draft.
pub async fn create(state: &AppState, actor: &Actor, body: NewsInput) -> Result<NewsItem, ApiError> {
    require_writer(actor)?;
    let (title, text) = check(&body)?;
    let now = state.clock.now();
    let m = news_item::ActiveModel {
        id: Set(Uuid::now_v7()),
        organisation_id: Set(actor.organisation_id),
        title: Set(title),
        body: Set(text),
        audience: Set(body.audience.as_str().into()),
        published_at: Set(body.publish.then_some(now)),
        author_user_id: Set(Some(actor.user_id)),
        author_name: Set(actor.name.clone()),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(&state.db.write)
    .await?;
    Ok(to_dto(m))
}

async fn own_org(db: &impl ConnectionTrait, actor: &Actor, id: Uuid) -> Result<news_item::Model, ApiError> {
    news_item::Entity::find_by_id(id)
        .filter(news_item::Column::OrganisationId.eq(actor.organisation_id))
        .one(db)
        .await?
        .ok_or_else(ApiError::not_found)
}

/// Changes an item; `publish` publishes a draft (now) or takes a published item back to draft.
pub async fn update(
    state: &AppState,
    actor: &Actor,
    id: Uuid,
    body: NewsInput,
) -> Result<NewsItem, ApiError> {
    require_writer(actor)?;
    let m = own_org(&state.db.write, actor, id).await?;
    let (title, text) = check(&body)?;
    let now = state.clock.now();
    let published_at = match (body.publish, m.published_at) {
        (true, Some(at)) => Some(at),
        (true, None) => Some(now),
        (false, _) => None,
    };
    let mut am: news_item::ActiveModel = m.into();
    am.title = Set(title);
    am.body = Set(text);
    am.audience = Set(body.audience.as_str().into());
    am.published_at = Set(published_at);
    am.updated_at = Set(now);
    Ok(to_dto(am.update(&state.db.write).await?))
}

/// Deletes an item.
pub async fn delete(state: &AppState, actor: &Actor, id: Uuid) -> Result<(), ApiError> {
    require_writer(actor)?;
    let m = own_org(&state.db.write, actor, id).await?;
    news_item::Entity::delete_by_id(m.id).exec(&state.db.write).await?;
    Ok(())
}
