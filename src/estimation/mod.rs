//! The back-of-the-envelope estimation engine: reads the quantities a
//! candidate types, checks their arithmetic, and compares their figures
//! with a problem's reference estimates. Pure functions: no I/O.

pub mod arithmetic;
pub mod expr;
pub mod quantity;
pub mod reference;
mod text;

#[cfg(test)]
mod tests;

pub use arithmetic::{check_arithmetic, ArithVerdict, ArithmeticCheck};
pub use expr::{eval_formula, formula_variables, ExprError};
pub use quantity::{
    format_quantity, format_quantity_per, parse_quantities, parse_unit, Dim, Quantity, QuantityKind,
};
pub use reference::{compare_estimates, estimation_score, EstimateResult, EstimateVerdict};
