//! `drill sheet`: the cards a drill would ask, with an answer key, to print
//! for a study group or a peer.

use super::card::{instance, Check};
use super::numbers::Numbers;
use super::plan::Planned;
use super::Kind;
use crate::catalog::Catalog;
use crate::error::Result;
use chrono::NaiveDate;
use serde::Serialize;

/// A worksheet.
#[derive(Debug, Clone, Serialize)]
pub struct Sheet {
    pub date: NaiveDate,
    pub seed: u64,
    /// The kind asked for (`all` for every kind).
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<String>,
    pub cards: Vec<SheetCard>,
}

/// One card of a worksheet.
#[derive(Debug, Clone, Serialize)]
pub struct SheetCard {
    pub id: String,
    pub kind: Kind,
    pub prompt: String,
    /// The expected value with its unit, or the key points.
    pub answer: String,
    /// Where it comes from ("URL shortener · estimation").
    #[serde(skip)]
    pub context: String,
    /// How to answer.
    #[serde(skip)]
    pub how: String,
    /// The worked calculation or where a figure comes from.
    #[serde(skip)]
    pub worked: Vec<String>,
    /// Due (or overdue) rather than new.
    #[serde(skip)]
    pub due: bool,
}

/// The worksheet of the planned cards, asked as the drill asks them.
pub fn worksheet(
    planned: &[Planned],
    catalog: &Catalog,
    numbers: &Numbers,
    seed: u64,
    today: NaiveDate,
    kind: Option<Kind>,
    problem: Option<String>,
) -> Result<Sheet> {
    let mut cards = Vec::new();
    for p in planned {
        let inst = instance(&p.card, catalog, numbers, seed)?;
        let worked = match &inst.check {
            Check::Quantity(q) => q.worked.clone(),
            Check::Points(_) => Vec::new(),
        };
        cards.push(SheetCard {
            id: inst.id,
            kind: inst.kind,
            prompt: inst.prompt,
            answer: inst.answer,
            context: inst.context,
            how: inst.how,
            worked,
            due: p.due.is_some(),
        });
    }
    Ok(Sheet {
        date: today,
        seed,
        kind: kind.map_or("all", Kind::as_str).to_string(),
        problem,
        cards,
    })
}
