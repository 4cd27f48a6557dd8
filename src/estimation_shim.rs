//! TEMPORARY compile shim until the estimation engine lands.
use crate::catalog::problem::Problem;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Dim {
    pub bytes: i8,
    pub time: i8,
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum QuantityKind {
    Plain,
    Multiplier,
    Ratio,
    Percent,
}
#[derive(Debug, Clone, Serialize)]
pub struct Quantity {
    pub value: f64,
    pub dim: Dim,
    pub span: Range<usize>,
    pub approx: bool,
    pub kind: QuantityKind,
}
pub fn parse_quantities(_t: &str) -> Vec<Quantity> {
    Vec::new()
}
pub fn parse_unit(u: &str) -> Option<(f64, Dim)> {
    (!u.trim().is_empty()).then_some((1.0, Dim { bytes: 0, time: 0 }))
}
pub fn format_quantity(v: f64, _d: Dim) -> String {
    format!("{v}")
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ArithVerdict {
    Correct,
    Wrong,
    DimensionMismatch,
}
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ArithmeticCheck {
    pub text: String,
    pub span: Range<usize>,
    pub stated: f64,
    pub computed: f64,
    pub stated_display: String,
    pub computed_display: String,
    pub relative_error: f64,
    pub verdict: ArithVerdict,
    pub ok: bool,
    pub explanation: String,
}
pub fn check_arithmetic(_t: &str) -> Vec<ArithmeticCheck> {
    Vec::new()
}
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EstimateVerdict {
    Close,
    OrderOfMagnitude,
    Off,
    Missing,
}
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EstimateResult {
    pub id: String,
    pub label: String,
    pub reference: f64,
    pub unit: String,
    pub found: Option<f64>,
    pub found_text: Option<String>,
    pub adjusted_reference: Option<f64>,
    pub adjusted_note: Option<String>,
    pub verdict: EstimateVerdict,
    pub calculation: String,
    pub weight: f64,
}
pub fn compare_estimates(_t: &str, p: &Problem, w: &[(String, f64)]) -> Vec<EstimateResult> {
    p.estimates
        .iter()
        .filter_map(|e| {
            w.iter()
                .find(|(id, _)| *id == e.id)
                .map(|(_, wt)| EstimateResult {
                    id: e.id.clone(),
                    label: e.label.clone(),
                    reference: e.value,
                    unit: e.unit.clone(),
                    found: None,
                    found_text: None,
                    adjusted_reference: None,
                    adjusted_note: None,
                    verdict: EstimateVerdict::Missing,
                    calculation: e.calculation.clone(),
                    weight: *wt,
                })
        })
        .collect()
}
pub fn estimation_score(_r: &[EstimateResult], _a: &[ArithmeticCheck]) -> f64 {
    0.0
}
#[derive(Debug)]
pub struct ExprError(pub String);
impl std::fmt::Display for ExprError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl std::error::Error for ExprError {}
pub fn eval_formula(_f: &str, _v: &HashMap<String, f64>) -> Result<f64, ExprError> {
    Err(ExprError("shim".into()))
}
